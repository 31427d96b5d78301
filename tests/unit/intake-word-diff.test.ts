import { afterEach, describe, expect, it, vi } from "vitest";
import { wordDiff } from "@/lib/intake/word-diff";

type Part = ReturnType<typeof wordDiff>[number];
const rebuild = (parts: Part[], side: "before" | "after") =>
  parts.filter((p) => p.kind === "same" || p.kind === (side === "before" ? "removed" : "added")).map((p) => p.text).join("");

const BEFORE = "第三条　人工智能生成合成内容是指利用人工智能技术生成、合成的文本、图片、音频、视频等信息。本办法自2025年9月1日起施行。";
const AFTER = "第三条　人工智能生成合成内容是指利用深度学习技术生成、合成的文本、图片、音频、视频等信息。本办法自2025年9月1日起施行。";

describe("wordDiff", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("shows a changed phrase inside a Chinese sentence as that phrase only", () => {
    const parts = wordDiff(BEFORE, AFTER);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["人工智能"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["深度学习"]);
    expect(parts[0]).toEqual({ kind: "same", text: "第三条　人工智能生成合成内容是指利用" });
    expect(rebuild(parts, "before")).toBe(BEFORE);
    expect(rebuild(parts, "after")).toBe(AFTER);
  });

  it("merges adjacent parts of one kind and keeps spaces in Latin text", () => {
    const parts = wordDiff("AI safety  rules apply", "AI security  rules apply now");
    expect(parts).toEqual([
      { kind: "same", text: "AI " },
      { kind: "removed", text: "safety" },
      { kind: "added", text: "security" },
      { kind: "same", text: "  rules apply" },
      { kind: "added", text: " now" },
    ]);
    for (let i = 1; i < parts.length; i++) expect(parts[i].kind).not.toBe(parts[i - 1].kind);
  });

  it("returns one same part for equal texts and nothing for two empty ones", () => {
    expect(wordDiff(BEFORE, BEFORE)).toEqual([{ kind: "same", text: BEFORE }]);
    expect(wordDiff("", "")).toEqual([]);
  });

  it("diffs per character without Intl.Segmenter", async () => {
    vi.stubGlobal("Intl", { ...Intl, Segmenter: undefined });
    vi.resetModules();
    const { wordDiff: fallbackDiff } = await import("@/lib/intake/word-diff");
    const parts = fallbackDiff("本办法自2025年9月1日起施行", "本办法自2025年10月1日起执行");
    expect(parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "9" },
      { kind: "added", text: "10" },
      { kind: "removed", text: "施" },
      { kind: "added", text: "执" },
    ]);
  });

  it("compares per line above 200 000 characters", () => {
    const line = "第一条 本办法适用于人工智能生成合成内容标识。\n";
    const before = line.repeat(9000) + "第二条 旧的规定。\n";
    const after = line.repeat(9000) + "第二条 新的规定。\n";
    expect(before.length).toBeGreaterThan(200_000);
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "第二条 旧的规定。\n" },
      { kind: "added", text: "第二条 新的规定。\n" },
    ]);
  });
});
