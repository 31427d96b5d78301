import { z } from "zod";
import type { PassageSelector } from "../../db/schema";
import type { BriefExport, ExportedAnnotation } from "./export";

/**
 * The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) for the brief's
 * annotations: the export other tools (Hypothesis and the like) read, and the import of what they
 * write. Only what maps onto an annotation here is read: the text body, tags, the quote and
 * position selectors, creator and dates.
 */

export const W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

type TextualBody = { type: "TextualBody"; value: string; purpose: "commenting" | "tagging" | "replying"; format: "text/plain" };
export type W3CAnnotation = {
  "@context": typeof W3C_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "commenting" | "replying";
  body: TextualBody[];
  target:
    | { source: string; selector: [{ type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }, { type: "TextPositionSelector"; start: number; end: number }] }
    | string;
  creator: { type: "Person"; name: string };
  created: string;
  modified: string;
};

export type W3CCollection = {
  "@context": typeof W3C_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { id: string; type: "AnnotationPage"; startIndex: 0; items: W3CAnnotation[] };
};

/**
 * The brief's annotations as one W3C AnnotationCollection (a single page). Each annotation targets
 * the revision it was made on, by quote (with prefix and suffix) and by position; each reply is
 * an annotation of its own with motivation `replying` whose target is the annotation.
 */
export function toW3C(data: BriefExport, appUrl: string, selfPath: string): W3CCollection {
  const base = appUrl.replace(/\/$/, "");
  const annotationIri = (a: ExportedAnnotation) => `${base}/brief?annotation=${a.id}`;
  const items: W3CAnnotation[] = [];
  for (const a of data.annotations) {
    items.push({
      "@context": W3C_CONTEXT,
      id: annotationIri(a),
      type: "Annotation",
      motivation: "commenting",
      body: [
        { type: "TextualBody", value: a.bodyText, purpose: "commenting", format: "text/plain" },
        ...a.tags.map((tag): TextualBody => ({ type: "TextualBody", value: tag, purpose: "tagging", format: "text/plain" })),
      ],
      target: {
        source: `${base}/brief/revisions/${a.madeOnRevision.number}`,
        selector: [
          { type: "TextQuoteSelector", exact: a.selector.quote, prefix: a.selector.prefix, suffix: a.selector.suffix },
          { type: "TextPositionSelector", start: a.selector.start, end: a.selector.end },
        ],
      },
      creator: { type: "Person", name: a.author },
      created: a.createdAt,
      modified: a.editedAt ?? a.createdAt,
    });
    for (const reply of a.thread) {
      if (reply.deleted || reply.text === null) continue;
      items.push({
        "@context": W3C_CONTEXT,
        id: `${annotationIri(a)}#reply-${reply.id}`,
        type: "Annotation",
        motivation: "replying",
        body: [{ type: "TextualBody", value: reply.text, purpose: "replying", format: "text/plain" }],
        target: annotationIri(a),
        creator: { type: "Person", name: reply.author },
        created: reply.createdAt,
        modified: reply.editedAt ?? reply.createdAt,
      });
    }
  }
  const id = `${base}${selfPath}`;
  return { "@context": W3C_CONTEXT, id, type: "AnnotationCollection", label: data.brief.title, total: items.length, first: { id: `${id}#page-1`, type: "AnnotationPage", startIndex: 0, items } };
}

// --- Reading annotations other tools wrote -------------------------------------------------

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);
const typed = (name: string) => z.union([z.literal(name), z.array(z.string()).refine((list) => list.includes(name))]);

const selectorSchema = z.looseObject({ type: z.string() });
const targetSchema = z.union([
  z.string(),
  z.looseObject({ source: z.string().optional(), selector: oneOrMany(selectorSchema).optional() }),
]);
const bodySchema = z.union([
  z.string(),
  z.looseObject({ type: z.string().optional(), value: z.string().optional(), purpose: oneOrMany(z.string()).optional() }),
]);

export const w3cAnnotationSchema = z.looseObject({
  "@context": z.unknown().optional(),
  id: z.string().optional(),
  type: typed("Annotation"),
  motivation: oneOrMany(z.string()).optional(),
  body: oneOrMany(bodySchema).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(targetSchema),
  creator: z.unknown().optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
});

/** An annotation read from a W3C file, ready to be placed on the brief. */
export type ImportedAnnotation = { selector: PassageSelector; text: string; tags: string[] };

/** The annotations of a W3C file: one Annotation, a list, an AnnotationPage or an AnnotationCollection. */
function annotationItems(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!json || typeof json !== "object") return [];
  const value = json as { type?: unknown; items?: unknown; first?: { items?: unknown } };
  if (Array.isArray(value.items)) return value.items;
  if (value.first && Array.isArray(value.first.items)) return value.first.items;
  return [json];
}

/**
 * Reads the annotations of a W3C file that can be placed on a text: those with a
 * TextQuoteSelector (a TextPositionSelector helps). Replies and annotations without a quote are
 * skipped and counted.
 */
export function parseW3C(json: unknown): { annotations: ImportedAnnotation[]; skipped: number } {
  const out: ImportedAnnotation[] = [];
  let skipped = 0;
  for (const item of annotationItems(json)) {
    const parsed = w3cAnnotationSchema.safeParse(item);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    const a = parsed.data;
    const selectors = a.target.flatMap((t) => (typeof t === "string" ? [] : (t.selector ?? [])));
    const quote = selectors.find((s) => s.type === "TextQuoteSelector") as { exact?: unknown; prefix?: unknown; suffix?: unknown } | undefined;
    const position = selectors.find((s) => s.type === "TextPositionSelector") as { start?: unknown; end?: unknown } | undefined;
    if (!quote || typeof quote.exact !== "string" || quote.exact === "" || a.motivation?.includes("replying")) {
      skipped++;
      continue;
    }
    const bodies = a.body ?? [];
    const purposeOf = (b: (typeof bodies)[number]) => (typeof b === "string" ? [] : (b.purpose ?? []));
    const valueOf = (b: (typeof bodies)[number]) => (typeof b === "string" ? b : (b.value ?? ""));
    const tags = bodies.filter((b) => purposeOf(b).includes("tagging")).map(valueOf).filter(Boolean);
    const text = [a.bodyValue ?? "", ...bodies.filter((b) => !purposeOf(b).includes("tagging")).map(valueOf)].filter(Boolean).join("\n");
    const start = typeof position?.start === "number" ? position.start : -1;
    const end = typeof position?.end === "number" ? position.end : -1;
    out.push({
      selector: {
        quote: quote.exact,
        prefix: typeof quote.prefix === "string" ? quote.prefix : "",
        suffix: typeof quote.suffix === "string" ? quote.suffix : "",
        start,
        end,
      },
      text,
      tags,
    });
  }
  return { annotations: out, skipped };
}
