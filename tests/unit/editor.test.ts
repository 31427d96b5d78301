import { describe, expect, it } from "vitest";
import { briefDocument } from "../../db/seed/brief-doc";
import { isSafeLinkHref, richTextSchema } from "../../lib/editor/extensions";
import { plainTextOf, plainTextWithMap } from "../../lib/editor/plain-text";
import { RICH_TEXT_MAX_BYTES, RICH_TEXT_MAX_DEPTH, richTextDoc, validateRichTextDoc } from "../../lib/editor/validate";

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const p = (...content: Json[]): Json => (content.length ? { type: "paragraph", content } : { type: "paragraph" });
const doc = (...content: Json[]) => ({ type: "doc", content });
const link = (href: string) => ({ type: "link", attrs: { href } });
const cell = (type: "tableCell" | "tableHeader", ...blocks: Json[]): Json => ({ type, content: blocks });
const row = (...cells: Json[]): Json => ({ type: "tableRow", content: cells });
const table = (...rows: Json[]): Json => ({ type: "table", content: rows });

describe("isSafeLinkHref", () => {
  it.each(["https://www.gov.cn/zhengce/", "http://example.org/a?b=c", "mailto:team@example.org", "  https://example.org"])("allows %s", (href) => {
    expect(isSafeLinkHref(href)).toBe(true);
  });
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "/relative/path",
    "//evil.example",
    "ftp://example.org",
    "",
    `https://example.org/${"a".repeat(2100)}`,
  ])("refuses %j", (href) => {
    expect(isSafeLinkHref(href)).toBe(false);
  });
  it("refuses non-strings", () => {
    expect(isSafeLinkHref(null)).toBe(false);
    expect(isSafeLinkHref(42)).toBe(false);
  });
});

describe("validateRichTextDoc", () => {
  it("accepts a document using the whole extension list and normalises it", () => {
    const input = doc(
      { type: "heading", attrs: { level: 2 }, content: [text("〈표 1〉 중국의 대표적 AI 정책(2017~)")] },
      p(text("‘딥시크(DeepSeek)’", [{ type: "bold" }]), text(" 민간․오픈 소스", [link("https://example.org")])),
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("항목"))] }] },
      table(row(cell("tableHeader", p(text("구분")))), row(cell("tableCell", p(text("인재양성"))))),
      p(text("담당 "), { type: "mention", attrs: { id: "u-1", label: "김연구" } }),
    );
    const result = validateRichTextDoc(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Defaults filled in by the schema, content kept byte for byte.
    expect(JSON.stringify(result.doc)).toContain("‘딥시크(DeepSeek)’");
    expect(JSON.stringify(result.doc)).toContain("민간․오픈 소스");
    expect(result.node.type.name).toBe("doc");
  });

  it("drops attributes the schema does not define", () => {
    const result = validateRichTextDoc(doc({ type: "paragraph", attrs: { onclick: "alert(1)" }, content: [text("x")] }));
    expect(result.ok && JSON.stringify(result.doc)).not.toContain("onclick");
  });

  it.each([
    ["not_a_document", null],
    ["not_a_document", "text"],
    ["not_a_document", { type: "paragraph" }],
    ["unknown_node", doc({ type: "iframe", attrs: { src: "https://x" } })],
    ["unknown_node", doc(p({ type: "image", attrs: { src: "https://x" } }))],
    ["unknown_mark", doc(p(text("x", [{ type: "fontFamily" }])))],
    ["unsafe_link", doc(p(text("x", [link("javascript:alert(1)")])))],
    ["unsafe_link", doc(p(text("x", [link("data:text/html;base64,PHNjcmlwdD4=")])))],
    ["unsafe_link", doc(p(text("x", [{ type: "link", attrs: {} }])))],
    ["invalid_mention", doc(p({ type: "mention", attrs: { label: "nobody" } }))],
    ["invalid_structure", doc(text("text directly in doc"))],
    ["invalid_structure", doc(p(p(text("paragraph in paragraph"))))],
    ["invalid_structure", doc(table({ type: "paragraph" }))],
    ["invalid_structure", doc(p(text("")))],
    ["invalid_structure", doc(p({ type: "text" }))],
    ["invalid_structure", { type: "doc", content: "nope" }],
    ["invalid_structure", { type: "doc" }],
  ])("refuses with %s", (code, input) => {
    const result = validateRichTextDoc(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it("refuses documents over the size limit", () => {
    const big = doc(...Array.from({ length: 80 }, () => p(text("가".repeat(1000)))));
    expect(JSON.stringify(big).length).toBeLessThan(RICH_TEXT_MAX_BYTES); // characters…
    const result = validateRichTextDoc(big); // …but 3 UTF-8 bytes each
    expect(result.ok ? "ok" : result.code).toBe("too_large");
  });

  it("refuses hostile nesting without overflowing the stack", () => {
    let node: Json = p(text("deep"));
    for (let i = 0; i < 5000; i++) node = { type: "blockquote", content: [node] };
    const result = validateRichTextDoc(doc(node));
    expect(result.ok ? "ok" : result.code).toBe("too_deep");
    expect(RICH_TEXT_MAX_DEPTH).toBeGreaterThan(10);
  });

  it("is exposed as a zod schema with the code as the message", () => {
    expect(richTextDoc.safeParse(doc(p(text("안녕")))).success).toBe(true);
    const bad = richTextDoc.safeParse(doc(p(text("x", [link("javascript:void(0)")]))));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe("unsafe_link");
  });
});

describe("plainTextOf", () => {
  it("separates blocks with newlines and adds nothing else", () => {
    const input = doc(
      { type: "heading", attrs: { level: 1 }, content: [text("제목")] },
      p(text("첫 "), text("문단", [{ type: "bold" }])),
      p(),
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("가")), p(text("나"))] }, { type: "listItem", content: [p(text("다"))] }] },
    );
    expect(plainTextOf(input)).toBe("제목\n첫 문단\n\n가\n나\n다");
  });

  it("separates cells with tabs and rows with newlines", () => {
    const input = doc(
      p(text("앞")),
      table(
        row(cell("tableHeader", p(text("구분"))), cell("tableHeader", p(text("시기")))),
        row(cell("tableCell", p(text("인재양성"))), cell("tableCell", p(text("2020.7.")), p(text("2023.7.")))),
      ),
      p(text("뒤")),
    );
    expect(plainTextOf(input)).toBe("앞\n구분\t시기\n인재양성\t2020.7.\n2023.7.\n뒤");
  });

  it("renders hard breaks and mentions", () => {
    const input = doc(p(text("a"), { type: "hardBreak" }, text("b "), { type: "mention", attrs: { id: "u1", label: "김연구" } }, { type: "mention", attrs: { id: "u2" } }));
    expect(plainTextOf(input)).toBe("a\nb @김연구@u2");
  });

  it("keeps U+2024 and curly quotes unchanged", () => {
    expect(plainTextOf(doc(p(text("‘민간․오픈 소스’"))))).toBe("‘민간․오픈 소스’");
  });

  it("is deterministic for JSON and for a ProseMirror node", () => {
    const input = doc(p(text("하나")), table(row(cell("tableCell", p(text("둘"))))));
    expect(plainTextOf(richTextSchema().nodeFromJSON(input))).toBe(plainTextOf(input));
    expect(plainTextOf(input)).toBe(plainTextOf(JSON.parse(JSON.stringify(input))));
  });

  it("maps every inline piece to its document positions", () => {
    const input = doc(p(text("ab")), table(row(cell("tableCell", p(text("cd"))), cell("tableCell", p(text("ef"))))));
    const { text: plain, segments } = plainTextWithMap(input);
    expect(plain).toBe("ab\ncd\tef");
    const node = richTextSchema().nodeFromJSON(input);
    for (const s of segments) {
      expect(node.textBetween(s.from, s.to)).toBe(plain.slice(s.start, s.end));
    }
    expect(segments.map((s) => plain.slice(s.start, s.end))).toEqual(["ab", "cd", "ef"]);
  });
});

describe("the seeded brief", () => {
  it("is a valid document whose Table 1 is a real table", () => {
    const result = validateRichTextDoc(briefDocument());
    expect(result.ok ? "ok" : `${result.code}: ${result.detail}`).toBe("ok");
    const plain = plainTextOf(briefDocument());
    expect(plain).toContain("구분\t시기\t정책명");
    expect(plain).toContain("민간․오픈 소스 기반 글로벌 AI 생태계의 재편");
  });
});
