import { describe, expect, it } from "vitest";
import { diffText } from "@/lib/brief/diff";

const rebuild = (parts: ReturnType<typeof diffText>, side: "old" | "new") =>
  parts.filter((p) => p.kind === "same" || p.kind === (side === "old" ? "removed" : "added")).map((p) => p.text).join("");

describe("diffText", () => {
  it("finds an inserted paragraph and a changed word, and both texts can be rebuilt", () => {
    const before = "□ 중국은 AI 강국임\n- 민간․오픈 소스 생태계 ‘확대’";
    const after = "새 문단\n□ 중국은 AI 대국임\n- 민간․오픈 소스 생태계 ‘확대’";
    const parts = diffText(before, after);
    expect(rebuild(parts, "old")).toBe(before);
    expect(rebuild(parts, "new")).toBe(after);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["강국임"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["새 문단", "대국임"]);
  });

  it("reports no change for equal texts", () => {
    expect(diffText("같은 글", "같은 글")).toEqual([{ kind: "same", text: "같은 글" }]);
  });
});
