import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnnotatedText } from "@/components/brief/annotated-text";
import { splitRun } from "@/lib/annotations/highlights";
import { plainTextOf } from "@/lib/editor/plain-text";

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const p = (...content: Json[]): Json => ({ type: "paragraph", content });
const doc = { type: "doc", content: [p(text("중국은 ‘AI+산업’ 전략을 ")), p(text("600억 위안", [{ type: "bold" }]), text("(약 8.2억 달러) 규모"))] };

describe("splitRun", () => {
  it("cuts overlapping highlights into flat pieces listing every covering annotation", () => {
    expect(splitRun(0, 10, [{ id: "a", start: 2, end: 6 }, { id: "b", start: 4, end: 12 }])).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 4, ids: ["a"] },
      { start: 4, end: 6, ids: ["a", "b"] },
      { start: 6, end: 10, ids: ["b"] },
    ]);
  });
});

describe("AnnotatedText", () => {
  it("marks the annotated words, with pieces that carry their plain-text offsets", () => {
    const plain = plainTextOf(doc);
    const start = plain.indexOf("600억 위안(약 8.2억 달러)");
    const end = start + "600억 위안(약 8.2억 달러)".length;
    const html = renderToStaticMarkup(createElement(AnnotatedText, { doc, ranges: [{ id: "x", start, end }], unavailableLabel: "-" }));
    // The highlight crosses the bold mark: two marks, each starting at its own offset.
    expect(html).toContain(`<strong><mark data-o="${start}" data-a="x">600억 위안</mark></strong>`);
    expect(html).toContain(`<mark data-o="${start + "600억 위안".length}" data-a="x">(약 8.2억 달러)</mark>`);
    // Every piece's offset points at its own text in the plain text (‘ ’ count one unit each).
    for (const [, offset, body] of html.matchAll(/data-o="(\d+)"[^>]*>([^<]*)</g)) {
      expect(plain.slice(Number(offset), Number(offset) + body.length)).toBe(body.replace(/&#x27;/g, "'").replace(/&amp;/g, "&"));
    }
  });
});

describe("AnnotatedText with a cited passage", () => {
  it("marks the passage a policy opened, across marks, with one #cited-passage to scroll to", () => {
    const plain = plainTextOf(doc);
    const start = plain.indexOf("600억 위안(약 8.2억");
    const end = start + "600억 위안(약 8.2억".length;
    const html = renderToStaticMarkup(createElement(AnnotatedText, { doc, ranges: [{ id: "x", start, end: start + 3 }], unavailableLabel: "-", cited: { start, end } }));
    expect(html.match(/id="cited-passage"/g)).toHaveLength(1);
    expect(html).toContain(`<mark id="cited-passage" data-o="${start}" data-a="x" data-cited="">600</mark>`);
    const cited = [...html.matchAll(/<mark[^>]*data-cited=""[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1]).join("");
    expect(cited).toBe("600억 위안(약 8.2억");
    // The annotation's id never gets the passage's marker.
    expect(html).not.toContain("\u0000");
  });
});
