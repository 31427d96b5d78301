import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it, vi } from "vitest";
import { AnnotatedText } from "@/components/brief/annotated-text";
import { AnnotationMargin } from "@/components/brief/annotation-margin";
import * as schema from "@/db/schema";
import { briefDocument } from "@/db/seed/brief-doc";
import { selectorAt } from "@/lib/brief/selectors";
import { translator } from "@/lib/i18n/catalog";
import { createBrief, createUser } from "../factories";
import { withFreshDatabase } from "../integration/harness";

vi.mock("next/link", () => ({ default: (props: Record<string, unknown>) => createElement("a", props) }));

const { listAnnotationsOnRevision, parseAnnotationFilters, applyAnnotationFilters } = await import("@/lib/annotations/queries");
const t = withFreshDatabase();
const COUNT = 500;

/**
 * The brief page's server work with 500 annotations: the query and the render of the highlighted
 * text and the margin (the page's other parts are a handful of primary-key reads).
 */
it(`renders the brief with ${COUNT} annotations`, async () => {
  const { revision } = await createBrief(t.db, briefDocument());
  const authors = await Promise.all([0, 1, 2, 3].map(() => createUser(t.db, { role: "editor" })));
  const text = revision.plainText;
  const rows = Array.from({ length: COUNT }, (_, i) => {
    const start = Math.floor((i * 9973) % Math.max(1, text.length - 60));
    const end = start + 8 + (i % 40);
    return {
      briefId: revision.briefId,
      revisionId: revision.id,
      selector: selectorAt(text, start, end),
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `주석 ${i}: ${text.slice(start, end)}` }] }] } as schema.RichTextDoc,
      bodyText: `주석 ${i}`,
      tags: [`tag${i % 7}`],
      status: i % 5 === 0 ? ("resolved" as const) : ("open" as const),
      authorId: authors[i % authors.length].id,
    };
  });
  const inserted = await t.db.insert(schema.annotations).values(rows).returning({ id: schema.annotations.id, selector: schema.annotations.selector });
  await t.db
    .insert(schema.annotationAnchors)
    .values(inserted.map((a) => ({ annotationId: a.id, revisionId: revision.id, start: a.selector.start, end: a.selector.end, method: "original" })));

  const tr = translator("ko");
  const timings: number[] = [];
  let html = "";
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    if (run === 1) {
      const a0 = performance.now();
      const list = await listAnnotationsOnRevision(revision.id, authors[0].id);
      const a1 = performance.now();
      renderToStaticMarkup(createElement(AnnotatedText, { doc: revision.doc, ranges: list.map((a) => ({ id: a.id, start: a.start!, end: a.end! })), unavailableLabel: "-" }));
      const a2 = performance.now();
      const { validateRichTextDoc } = await import("@/lib/editor/validate");
      const v0 = performance.now();
      for (const a of list) validateRichTextDoc(a.body);
      const v1 = performance.now();
      const { formatDateTime } = await import("@/lib/format");
      for (const a of list) formatDateTime(a.createdAt, "ko");
      console.log(`validate x${list.length} ${(v1 - v0).toFixed(0)} ms, dates ${(performance.now() - v1).toFixed(0)} ms`);
      console.log(`query ${(a1 - a0).toFixed(0)} ms, highlighted text ${(a2 - a1).toFixed(0)} ms`);
    }
    const all = await listAnnotationsOnRevision(revision.id, authors[0].id);
    const filters = parseAnnotationFilters({ status: "all" });
    const shown = applyAnnotationFilters(all, filters);
    html = renderToStaticMarkup(
      createElement(
        Fragment,
        null,
        createElement(AnnotatedText, { doc: revision.doc, ranges: shown.map((a) => ({ id: a.id, start: a.start!, end: a.end! })), unavailableLabel: "-" }),
        createElement(AnnotationMargin, {
          all,
          shown,
          filters,
          basePath: "/brief",
          ctx: { t: tr, locale: "ko", viewerId: authors[0].id, canEdit: false, activeId: null, keyOf: new Map(), basePath: "/brief", actions: null, controlLabels: {} as never, editorLabels: {} as never, mentionables: [], linkOptions: { policies: [], items: [] } },
        }),
      ),
    );
    timings.push(performance.now() - started);
  }
  const warm = timings.slice(1).sort((a, b) => a - b);
  console.log(`brief with ${COUNT} annotations: first ${timings[0].toFixed(0)} ms, warm median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms, html ${(html.length / 1024).toFixed(0)} KiB`);
  expect(html.match(/<mark /g)?.length ?? 0).toBeGreaterThan(100);
});
