import { describe, expect, it } from "vitest";
import type { RichTextDoc } from "@/db/schema/brief";
import { mergeDoc, mergeFields, mergeSet, mergeValue } from "@/lib/merge/three-way";

const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...texts: string[]): RichTextDoc => ({ type: "doc", content: texts.map(para) });
const texts = (d: RichTextDoc | null) => (d?.content ?? []).map((b) => (b as { content: { text: string }[] }).content[0].text);

describe("mergeValue", () => {
  it("takes the side that changed, keeps mine where both changed differently", () => {
    expect(mergeValue("a", "a", "b")).toEqual({ value: "b", conflict: false });
    expect(mergeValue("a", "m", "a")).toEqual({ value: "m", conflict: false });
    expect(mergeValue("a", "x", "x")).toEqual({ value: "x", conflict: false });
    expect(mergeValue("a", "m", "t")).toEqual({ value: "m", conflict: true });
  });
  it("compares objects by content, not key order", () => {
    expect(mergeValue({ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1, b: 3 })).toEqual({ value: { a: 1, b: 3 }, conflict: false });
  });
});

describe("mergeSet", () => {
  it("keeps both sides' additions and both sides' removals", () => {
    expect(mergeSet(["a", "b", "c"], ["a", "c", "m"], ["a", "b", "t"]).value).toEqual(["a", "m", "t"]);
  });
  it("a value added by both appears once", () => {
    expect(mergeSet([], ["x"], ["x"]).value).toEqual(["x"]);
  });
});

describe("mergeDoc", () => {
  const base = doc("첫째 문단", "둘째 문단", "셋째 문단", "넷째 문단");
  it("applies changes to different paragraphs from both sides", () => {
    const mine = doc("첫째 문단 (내가 고침)", "둘째 문단", "셋째 문단", "넷째 문단");
    const theirs = doc("첫째 문단", "둘째 문단", "셋째 문단", "넷째 문단 (상대가 고침)", "다섯째 문단");
    const merged = mergeDoc(base, mine, theirs);
    expect(merged.conflict).toBe(false);
    expect(texts(merged.value)).toEqual(["첫째 문단 (내가 고침)", "둘째 문단", "셋째 문단", "넷째 문단 (상대가 고침)", "다섯째 문단"]);
  });
  it("keeps both versions of a paragraph both changed, mine first, and says so", () => {
    const mine = doc("첫째 문단", "둘째: 내 판", "셋째 문단", "넷째 문단");
    const theirs = doc("첫째 문단", "둘째: 상대 판", "셋째 문단", "넷째 문단");
    const merged = mergeDoc(base, mine, theirs);
    expect(merged.conflict).toBe(true);
    expect(texts(merged.value)).toEqual(["첫째 문단", "둘째: 내 판", "둘째: 상대 판", "셋째 문단", "넷째 문단"]);
  });
  it("a deletion on one side and an edit elsewhere on the other both apply", () => {
    const mine = doc("첫째 문단", "셋째 문단", "넷째 문단");
    const theirs = doc("첫째 문단", "둘째 문단", "셋째 문단", "넷째 문단!");
    expect(texts(mergeDoc(base, mine, theirs).value)).toEqual(["첫째 문단", "셋째 문단", "넷째 문단!"]);
  });
  it("handles empty documents", () => {
    expect(mergeDoc(null, doc("새 글"), null)).toEqual({ value: doc("새 글"), conflict: false });
    expect(mergeDoc(null, null, doc("그들 글"))).toEqual({ value: doc("그들 글"), conflict: false });
  });
});

describe("mergeFields", () => {
  it("merges per field and lists the fields both changed", () => {
    const base = { title: "원래", status: "draft", nodeIds: ["a"], summary: doc("하나", "둘") };
    const mine = { title: "내 제목", status: "draft", nodeIds: ["a", "m"], summary: doc("하나!", "둘") };
    const theirs = { title: "상대 제목", status: "in_force", nodeIds: [] as string[], summary: doc("하나", "둘!") };
    const { merged, conflicts } = mergeFields({ title: "value", status: "value", nodeIds: "set", summary: "doc" }, base, mine, theirs);
    expect(conflicts).toEqual(["title"]);
    expect(merged.title).toBe("내 제목");
    expect(merged.status).toBe("in_force");
    expect(merged.nodeIds).toEqual(["m"]);
    expect(texts(merged.summary)).toEqual(["하나!", "둘!"]);
  });
});

describe("mergeBlocks", () => {
  it("changes to neighbouring blocks do not conflict", async () => {
    const { mergeBlocks } = await import("@/lib/merge/three-way");
    expect(mergeBlocks(["a", "b"], ["A", "b"], ["a", "B"])).toEqual({ value: ["A", "B"], conflict: false });
  });
  it("two insertions at one place conflict and both are kept", async () => {
    const { mergeBlocks } = await import("@/lib/merge/three-way");
    expect(mergeBlocks(["a", "b"], ["a", "m", "b"], ["a", "t", "b"])).toEqual({ value: ["a", "m", "t", "b"], conflict: true });
  });
  it("the same change on both sides applies once", async () => {
    const { mergeBlocks } = await import("@/lib/merge/three-way");
    expect(mergeBlocks(["a", "b", "c"], ["a", "X", "c"], ["a", "X", "c"])).toEqual({ value: ["a", "X", "c"], conflict: false });
  });
  it("an insertion beside the other side's edit keeps both, insertion first", async () => {
    const { mergeBlocks } = await import("@/lib/merge/three-way");
    expect(mergeBlocks(["a", "b"], ["a", "new", "b"], ["a", "B"])).toEqual({ value: ["a", "new", "B"], conflict: false });
  });
});
