import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText } from "../../components/rich-text/rich-text";
import { briefDocument } from "../../db/seed/brief-doc";

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const p = (...content: Json[]): Json => ({ type: "paragraph", content });
const doc = (...content: Json[]) => ({ type: "doc", content });
const render = (input: unknown) => renderToStaticMarkup(createElement(RichText, { doc: input, unavailableLabel: "UNAVAILABLE" }));

describe("RichText", () => {
  it("renders links with a safe rel, whatever the stored mark says", () => {
    const html = render(doc(p(text("원문", [{ type: "link", attrs: { href: "https://www.gov.cn/", rel: "opener", target: "_self" } }]))));
    expect(html).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer nofollow" target="_blank">원문</a>');
  });

  it("refuses documents that fail validation instead of rendering them", () => {
    expect(render(doc(p(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))))).toContain("UNAVAILABLE");
    expect(render(doc({ type: "script", content: [text("alert(1)")] }))).toContain("UNAVAILABLE");
    expect(render("<script>alert(1)</script>")).toContain("UNAVAILABLE");
  });

  it("escapes text: markup in a text node stays text", () => {
    const html = render(doc(p(text("<img src=x onerror=alert(1)>"))));
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
  });

  it("renders the seeded brief with Table 1 as a real table and marks its language", () => {
    const html = render(briefDocument());
    expect(html).toMatch(/^<div lang="ko" class="rich-text">/);
    expect(html).toContain("<table><thead><tr><th><p>구분</p></th>");
    expect(html).toContain("<th><p>구분</p></th>");
    expect(html).toMatch(/<td rowSpan="3"|<td rowspan="3"/);
    expect(html).toContain("민간․오픈 소스 기반 글로벌 AI 생태계의 재편");
  });
});
