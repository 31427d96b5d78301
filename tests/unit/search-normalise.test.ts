import { describe, expect, it } from "vitest";
import { bigramsOf, normaliseSearchText, searchDocument } from "@/lib/search/normalise";
import { matchesSearchQuery, parseSearchQuery } from "@/lib/search/query";

/** Whether a search for `query` finds a record holding `text` (as a title, or as a document number). */
const finds = (query: string, text: string, field: "title" | "number" = "title") =>
  matchesSearchQuery(field === "title" ? searchDocument([text]) : searchDocument([], [text]), parseSearchQuery(query));

describe("the search normalisation", () => {
  it.each([
    ["ＡＩ", "AI"],
    ["AI", "ＡＩ"],
    ["ai", "AI 안전"],
    ["２０２５", "2025"],
    ["國務院", "国务院关于印发新一代人工智能发展规划的通知"],
    ["国务院", "國務院關於印發新一代人工智慧發展規劃的通知"],
    ["發展規劃", "发展规划"],
    ["인공 지능", "인공지능 기본법"],
    ["인공지능", "인공 지능 기본법"],
    ["인공지능 기본법", "인공 지능기본법"],
    ['"인공 지능"', "인공지능"],
    ['"AI 기본법"', "AI기본법"],
    ['"AI기본법"', "AI 기본법 시행령"],
    ["安全 治理", "人工智能安全治理框架"],
    ["人工智能 安全", "人工 智能安全"],
  ])("%s finds %s", (query, text) => {
    expect(finds(query, text)).toBe(true);
  });

  it.each([
    ["国发〔2017〕35号", "国发[2017]35号"],
    ["国发[2017]35号", "国发〔2017〕35号"],
    ["国发(2017)35号", "国发〔2017〕35号"],
    ["国发（２０１７）３５号", "国发〔2017〕35号"],
    ["國發〔2017〕35號", "国发〔2017〕35号"],
    ["国发【2017】35号", "国发〔2017〕35号"],
    ["GB45438-2025", "GB 45438—2025"],
    ["GB 45438—2025", "GB45438-2025"],
    ['"GB 45438-2025"', "GB45438-2025"],
    ['"GB45438-2025"', "GB 45438–2025"],
    ["gb 45438", "GB45438-2025"],
  ])("document number %s finds %s", (query, number) => {
    expect(finds(query, number, "number")).toBe(true);
  });

  it.each([
    ["治理", "人工智能治疗方案"],
    ["인공", "인간 중심"],
    ["国务院", "国家互联网信息办公室"],
    ["AI", "AB"],
    ["安全 治理", "人工智能安全框架"],
    ['"ai act"', "act on ai"],
    ["国发〔2017〕36号", "国发〔2017〕35号"],
    // Spaces between Latin words still count: only Korean and Chinese spacing is ignored.
    ['"ab cd"', "abcd"],
  ])("%s does not find %s", (query, text) => {
    expect(finds(query, text)).toBe(false);
    expect(finds(query, text, "number")).toBe(false);
  });

  it("folds width, case and script into one form, simplified", () => {
    expect(normaliseSearchText("  ＡＩ　安全 ")).toBe("ai安全");
    expect(normaliseSearchText("國務院")).toBe(normaliseSearchText("国务院"));
    expect(normaliseSearchText("인공 지능 AI Act")).toBe("인공지능ai act");
    expect(normaliseSearchText("GB 45438—2025")).toBe("gb 45438-2025");
  });

  it("keeps fields apart: no match and no bigram spans two of them", () => {
    const doc = searchDocument(["人工智能", "安全"]);
    expect(finds("能安", "人工智能\n安全")).toBe(true); // one field: the line break is a CJK gap
    expect(matchesSearchQuery(doc, parseSearchQuery("能安"))).toBe(false);
    expect(bigramsOf(doc)).not.toContain("能安");
    expect(bigramsOf(doc)).toEqual(expect.arrayContaining(["人工", "智能", "安全"]));
  });
});

describe("the search query language", () => {
  it("splits words, keeps quoted phrases, excludes with a minus", () => {
    expect(parseSearchQuery('安全 "AI Act" -草案 -"draft law" ＡＩ')).toEqual({
      include: [{ forms: ["安全"] }, { forms: ["ai act"] }, { forms: ["ai"] }],
      exclude: [{ forms: ["草案"] }, { forms: ["draft law"] }],
    });
  });

  it("matches all words, a phrase as written, and never an excluded word", () => {
    expect(finds("安全 治理 -框架", "人工智能安全治理框架")).toBe(false);
    expect(finds("安全 治理 -草案", "人工智能安全治理框架")).toBe(true);
    expect(finds('"治理 框架"', "安全治理框架")).toBe(true);
    expect(finds('"act ai"', "ai act")).toBe(false);
  });

  it("tolerates a lone minus, an unclosed quote, full-width and curly quotes, and an empty query", () => {
    expect(parseSearchQuery("-").include).toEqual([{ forms: ["-"] }]);
    expect(parseSearchQuery('"AI 安全').include).toEqual([{ forms: ["ai安全"] }]);
    expect(parseSearchQuery("＂AI Act＂").include).toEqual([{ forms: ["ai act"] }]);
    expect(parseSearchQuery("“AI Act”").include).toEqual([{ forms: ["ai act"] }]);
    expect(parseSearchQuery('  "" - ')).toEqual({ include: [{ forms: ["-"] }], exclude: [] });
  });

  it("offers a spaced document number in a phrase also without its spaces", () => {
    expect(parseSearchQuery('"GB 45438—2025"').include).toEqual([{ forms: ["gb 45438-2025", "gb45438-2025"] }]);
  });
});
