import { z } from "zod";
import { requiredRichText } from "../editor/form";

/**
 * The annotation schemas, shared by the reader's forms and the actions. Messages are catalog
 * keys; limits without one get the generic `validation.*` message.
 */

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
export const MAX_QUOTE_LENGTH = 5000;

const rowId = z.guid();
const version = z.coerce.number().int().min(1);
/** An HTML checkbox: "on" when ticked, absent otherwise. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/** One tag as stored: trimmed, inner whitespace collapsed, no leading "#", Latin letters lower-cased. */
export function normaliseTag(tag: string): string {
  return tag.normalize("NFC").trim().replace(/^#+/, "").replace(/\s+/g, " ").toLowerCase();
}

/** Tags as a form posts them ("정책, 표준" or repeated fields): normalised, deduplicated, non-empty. */
export const tagsField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => {
    const raw = value === undefined ? [] : Array.isArray(value) ? value : value.split(/[,\n]/);
    return [...new Set(raw.map(normaliseTag).filter(Boolean))];
  })
  .pipe(
    z
      .array(z.string().max(MAX_TAG_LENGTH, { message: "annotations.error.tagTooLong" }))
      .max(MAX_TAGS, { message: "annotations.error.tooManyTags" }),
  );

export const createAnnotationSchema = z
  .object({
    revisionId: rowId,
    start: z.coerce.number().int().min(0),
    end: z.coerce.number().int().min(1),
    quote: z.string().min(1).max(MAX_QUOTE_LENGTH),
    body: requiredRichText,
    tags: tagsField,
    isPrivate: checkbox,
  })
  .refine((v) => v.end > v.start && v.end - v.start === v.quote.length, {
    path: ["quote"],
    message: "annotations.error.quoteMismatch",
  });
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;

export const editAnnotationSchema = z.object({
  annotationId: rowId,
  version,
  body: requiredRichText,
  tags: tagsField,
});
export type EditAnnotationInput = z.input<typeof editAnnotationSchema>;

/**
 * Re-attaching an orphan: the annotation (and the version the page showed) and a range of the
 * current revision's plain text. No quote: the server reads it from the revision itself.
 */
export const reattachAnnotationSchema = z
  .object({
    annotationId: rowId,
    version,
    revisionId: rowId,
    start: z.coerce.number().int().min(0),
    end: z.coerce.number().int().min(1),
  })
  .refine((v) => v.end > v.start && v.end - v.start <= MAX_QUOTE_LENGTH, { path: ["end"], message: "annotations.error.quoteMismatch" });
export type ReattachAnnotationInput = z.input<typeof reattachAnnotationSchema>;

/** Delete, resolve and reopen name the annotation and the version the page showed. */
export const annotationVersionSchema = z.object({ annotationId: rowId, version });
export type AnnotationVersionInput = z.input<typeof annotationVersionSchema>;

export const linkTargets = ["policy", "response_item"] as const;
export const linkAnnotationSchema = z.object({
  annotationId: rowId,
  targetType: z.enum(linkTargets),
  targetId: rowId,
});
export type LinkAnnotationInput = z.input<typeof linkAnnotationSchema>;

export const createItemFromAnnotationSchema = z.object({
  annotationId: rowId,
  title: z.string().trim().max(200).optional(),
});
export type CreateItemFromAnnotationInput = z.input<typeof createItemFromAnnotationSchema>;

/** A W3C Web Annotation file (JSON or JSON-LD) to place on the brief's current revision. */
export const importW3CSchema = z.object({
  briefId: z.guid(),
  file: z.instanceof(Blob).refine((f) => f.size <= 5 * 1024 * 1024, { message: "annotations.importTooLarge" }),
});
