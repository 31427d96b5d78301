import { describe, expect, it } from "vitest";
import { highlight, snippet } from "@/lib/search/highlight";
import { parseSearchQuery } from "@/lib/search/query";

const marked = (text: string, q: string) =>
  highlight(text, parseSearchQuery(q))
    .filter((s) => s.match)
    .map((s) => s.text);

describe("highlighting matched terms on the text the reader sees", () => {
  it("marks through the normalisation: script, width, case, Korean spacing", () => {
    expect(marked("国务院关于印发新一代人工智能发展规划的通知", "國務院")).toEqual(["国务院"]);
    expect(marked("國務院關於", "国务院")).toEqual(["國務院"]);
    expect(marked("ＡＩ 기본법", "ai")).toEqual(["ＡＩ"]);
    expect(marked("인공 지능 기본법", "인공지능")).toEqual(["인공 지능"]);
    expect(marked("인공지능 기본법", "인공 지능")).toEqual(["인공지능"]);
    expect(marked("国发〔2017〕35号", "国发[2017]35号")).toEqual(["国发〔2017〕35号"]);
  });

  it("marks every term, merges overlaps, and leaves excluded terms alone", () => {
    expect(marked("人工智能安全治理框架", "安全 治理 -框架")).toEqual(["安全治理"]);
    expect(marked("AI act and AI rules", "ai")).toEqual(["AI", "AI"]);
    expect(marked("治疗", "治理")).toEqual([]);
  });

  it("keeps the whole text, in order, as plain segments", () => {
    const text = "<b>人工智能</b> 安全";
    expect(highlight(text, parseSearchQuery("安全")).map((s) => s.text).join("")).toBe(text);
  });

  it("cuts a snippet around the first match", () => {
    const text = `${"가".repeat(300)} 중요한 정책 ${"나".repeat(300)}`;
    const parts = snippet(text, parseSearchQuery("정책"), 60);
    expect(parts.find((s) => s.match)?.text).toBe("정책");
    expect(parts[0].text.startsWith("…")).toBe(true);
    expect(parts.map((s) => s.text).join("").length).toBeLessThanOrEqual(62);
  });
});
