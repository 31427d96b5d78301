import { describe, expect, it } from "vitest";
import { AnchorBudget, FUZZY_MAX_LENGTH, anchorSelector } from "@/lib/annotations/anchoring";
import { selectorAt, selectorForQuote } from "@/lib/brief/selectors";

const original =
  "□ 중국은 2017년 ‘차세대 인공지능 발전계획’을 발표한 이후 AI를 국가 전략으로 추진함\n" +
  "- 정부는 600억 위안(약 8.2억 달러) 규모의 국가 AI 산업투자기금을 조성함\n" +
  "- 민간․오픈 소스 기반 글로벌 AI 생태계의 재편이 전개 중임\n" +
  "- AI 인재와 컴퓨팅 자원의 글로벌 경쟁 심화";

function select(text: string, quote: string) {
  const selector = selectorForQuote(text, quote);
  if (!selector) throw new Error(`quote not in text: ${quote}`);
  return selector;
}

/** The text the anchor covers. */
function placed(text: string, selector: ReturnType<typeof select>) {
  const anchor = anchorSelector(selector, text);
  return { ...anchor, covered: anchor.orphaned ? null : text.slice(anchor.start, anchor.end) };
}

describe("anchorSelector", () => {
  it("keeps an unchanged passage where it was (exact)", () => {
    const selector = select(original, "600억 위안(약 8.2억 달러)");
    expect(placed(original, selector)).toMatchObject({ method: "exact", start: selector.start, end: selector.end, covered: "600억 위안(약 8.2억 달러)" });
  });

  it("follows the passage when text is inserted before it", () => {
    const selector = select(original, "600억 위안(약 8.2억 달러)");
    const revised = "새로 추가된 문단입니다. 중국 정부의 투자 규모는 다음과 같다.\n" + original;
    const result = placed(revised, selector);
    expect(result).toMatchObject({ method: "exact", covered: "600억 위안(약 8.2억 달러)" });
    expect(result.start).toBe(selector.start + revised.length - original.length);
  });

  it("finds the passage when it was slightly edited (fuzzy)", () => {
    const quote = "국가 AI 산업투자기금을 조성함";
    const selector = select(original, quote);
    const revised = "머리말 한 줄.\n" + original.replace(quote, "국가 AI 산업 투자기금을 조성하였음");
    const result = placed(revised, selector);
    expect(result.method).toBe("fuzzy");
    expect(result.covered).toMatch(/^국가 AI 산업 투자기금을 조성/);
  });

  it("keeps a passage edited in place with its context intact (position hint)", () => {
    const quote = "글로벌 경쟁 심화";
    const text = "A: 인재와 자원의 글로벌 경쟁 심화 이후로 이어짐";
    const selector = select(text, quote);
    const revised = "A: 인재와 자원의 세계적 경쟁 격화 이후로 이어짐";
    const result = placed(revised, selector);
    expect(result).toMatchObject({ method: "position", covered: "세계적 경쟁 격화" });
  });

  it("orphans a passage that was deleted", () => {
    const quote = "민간․오픈 소스 기반 글로벌 AI 생태계의 재편이 전개 중임";
    const selector = select(original, quote);
    const revised = original.replace(`- ${quote}\n`, "");
    expect(anchorSelector(selector, revised)).toEqual({ orphaned: true, start: null, end: null, method: "orphaned" });
  });

  it("orphans an empty quote instead of placing it anywhere", () => {
    expect(anchorSelector({ quote: "", prefix: "", suffix: "", start: 0, end: 0 }, original).orphaned).toBe(true);
  });

  it("tells repeated phrases apart by their context", () => {
    const text = "첫째, AI 표준 경쟁이 심화됨. 둘째, 미국은 AI 표준 경쟁에서 앞서 있음. 셋째, AI 표준 경쟁은 계속됨.";
    const second = text.indexOf("AI 표준 경쟁", text.indexOf("미국은"));
    const selector = selectorAt(text, second, second + "AI 표준 경쟁".length);
    // Text inserted at the very start moves every occurrence; the old offset now points at none.
    const revised = "서론: AI 표준 경쟁 개관. " + text;
    const result = placed(revised, selector);
    expect(result.method).toBe("exact");
    expect(revised.slice(result.start! - 8, result.start!)).toBe(" 둘째, 미국은 ".slice(-8));
    // And with the context unchanged but a different neighbourhood nearer the old offset.
    const swapped = text.replace("첫째, AI 표준 경쟁이", "첫째, AI 표준 경쟁에서 앞서 있음");
    expect(placed(swapped, selector).start).toBe(swapped.indexOf("AI 표준 경쟁", swapped.indexOf("미국은")));
  });

  it("counts Korean text with ․ and curly quotes in UTF-16 units, like the browser", () => {
    const text = "중국은 ‘차세대 인공지능 발전계획’과 민간․오픈 소스 생태계를 강조함 𠀀 끝";
    const quote = "민간․오픈 소스";
    const selector = select(text, quote);
    expect(selector.start).toBe(text.indexOf("민간"));
    const revised = "‘서문’ 𠀀𠀀\n" + text;
    const result = placed(revised, selector);
    expect(result.covered).toBe(quote);
    // Each astral character counts 2, each of ‘ ’ ․ counts 1.
    expect(result.start).toBe(selector.start + "‘서문’ 𠀀𠀀\n".length);
    expect("‘서문’ 𠀀𠀀\n".length).toBe(10);
    const curly = select(text, "‘차세대 인공지능 발전계획’");
    expect(placed("앞. " + text.replace("발전계획", "발전 계획"), curly)).toMatchObject({ method: "fuzzy", covered: "‘차세대 인공지능 발전 계획’" });
  });
});

describe("short quotes", () => {
  it("re-anchors a quote of fewer than 5 characters by its intact prefix and suffix", () => {
    const text = "정부는 AI 산업 육성을 위해 600억 위안 규모의 기금을 조성함. 기업들은 AI 모델 개발에 집중함.";
    const selector = select(text, "AI");
    expect(selector.quote.length).toBeLessThan(5);
    // The quote itself was reworded and text was inserted before it: neither exact nor position can place it.
    const revised = "머리말. " + text.replace("AI 산업 육성", "인공지능 산업 육성");
    const result = placed(revised, selector);
    expect(result).toMatchObject({ orphaned: false, method: "context", covered: "인공지능" });
    // Unchanged, it stays exactly where it was, not on the other "AI".
    expect(placed("머리말. " + text, selector)).toMatchObject({ method: "exact", start: selector.start + 5 });
  });

  it("does not put a short quote on the same characters elsewhere when its own context is gone", () => {
    const text = "첫 문단은 AI 산업 육성 계획을 다룸. 둘째 문단은 다른 주제임.";
    const selector = select(text, "AI");
    const revised = "첫 문단은 완전히 새로 씀. 둘째 문단은 다른 주제임. 셋째: 로봇과 AI 산업 통계표.";
    expect(anchorSelector(selector, revised).orphaned).toBe(true);
  });

  it("orphans a short quote whose context changed too", () => {
    const text = "정부는 AI 산업 육성을 위해 기금을 조성함.";
    const selector = select(text, "AI");
    expect(anchorSelector(selector, "완전히 다른 문장으로 바뀐 본문입니다.").orphaned).toBe(true);
  });
});

describe("bounded work", () => {
  const long = Array.from({ length: 400 }, (_, i) => `문단 ${i}: 중국 정부는 인공지능 산업 표준과 컴퓨팅 자원 확보를 추진함 (${i}).`).join("\n");

  it("stops fuzzy matching when the publish's budget is spent and says the passage needs review", () => {
    const quote = "국가 AI 산업투자기금을 조성함";
    const text = long + "\n- 정부는 600억 위안 규모의 국가 AI 산업투자기금을 조성함\n끝";
    const selector = select(text, quote);
    const revised = "서문 한 줄.\n" + text.replace(quote, "국가 AI 산업 투자기금을 조성하였음");
    expect(anchorSelector(selector, revised, new AnchorBudget()).method).toBe("fuzzy");
    const spent = new AnchorBudget(1000);
    expect(anchorSelector(selector, revised.replace("600억 위안 규모의", "새 머리말"), spent)).toEqual({ orphaned: true, start: null, end: null, method: "over_budget" });
  });

  it("does not fuzzy-match quotes longer than FUZZY_MAX_LENGTH, and orphans them as needing review", () => {
    const quote = long.slice(1000, 1000 + FUZZY_MAX_LENGTH + 50);
    const selector = selectorAt(long, 1000, 1000 + quote.length);
    const revised = long.slice(0, 990) + "다시 씀 " + quote.replace(/중국/g, "중화인민공화국") + " 다시 씀" + long.slice(1000 + quote.length + 10);
    expect(anchorSelector(selector, revised).method).toBe("over_budget");
  });

  it("spends a fixed number of operations, so the same data gives the same anchors", () => {
    const selectors = Array.from({ length: 40 }, (_, i) => selectorAt(long, i * 500, i * 500 + 60));
    const revised = long.replace(/중국 정부는/g, "중국 당국은").replace(/추진함/g, "추진 중임");
    const run = () => {
      const budget = new AnchorBudget(2_000_000);
      return { anchors: selectors.map((s) => anchorSelector(s, revised, budget)), left: budget.remaining };
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first.anchors.some((a) => a.method === "over_budget")).toBe(true);
    expect(first.anchors.some((a) => a.method === "fuzzy")).toBe(true);
  });
});
