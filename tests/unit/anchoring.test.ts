import { describe, expect, it } from "vitest";
import { anchorSelector } from "@/lib/annotations/anchoring";
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
