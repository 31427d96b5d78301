import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/response-items/csv";

describe("CSV export", () => {
  it("neutralises formula cells and quotes everything", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    for (const c of ["+1", "-1", "@SUM(A1)", "\tx"]) expect(csvCell(c).startsWith(`"'`)).toBe(true);
    expect(csvCell("민간․오픈 소스 ‘생태계’")).toBe(`"민간․오픈 소스 ‘생태계’"`);
    expect(csvCell(null)).toBe(`""`);
    expect(csvCell(3)).toBe(`"3"`);
  });

  it("starts with a UTF-8 BOM and ends rows with CRLF", () => {
    const csv = toCsv([["a", "b"], ["줄\n바꿈", 1]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe(`\uFEFF"a","b"\r\n"줄\n바꿈","1"\r\n`);
  });
});
