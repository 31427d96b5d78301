import { describe, expect, it } from "vitest";
import { neutralise, parseCsv, restore, toCsv } from "@/lib/csv";

describe("the one CSV writer and reader", () => {
  it("neutralises cells a spreadsheet would run as a formula, and reading restores them", () => {
    for (const c of ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) {
      expect(neutralise(c)).toBe(`'${c}`);
      expect(restore(neutralise(c))).toBe(c);
    }
    // A cell that already starts with apostrophes before a formula character round-trips too.
    expect(restore(neutralise("'=x"))).toBe("'=x");
    expect(neutralise("민간․오픈 소스 ‘생태계’")).toBe("민간․오픈 소스 ‘생태계’");
    expect(neutralise("'quoted")).toBe("'quoted");
  });

  it("starts with a UTF-8 BOM, ends rows with CRLF, quotes only where needed", () => {
    const csv = toCsv([["a", "b, c"], ["줄\n바꿈", 1], [" edge", null]]);
    expect(csv).toBe(`\uFEFFa,"b, c"\r\n"줄\n바꿈",1\r\n" edge",\r\n`);
  });

  it("reads back exactly what it wrote", () => {
    const rows = [["=1+1", "\"따옴표\"", "줄\r\n바꿈"], ["-5", "@me", ""], ["国发〔2017〕35号", "  공백  ", "'=x"]];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it("skips blank lines and reads LF files without a BOM", () => {
    expect(parseCsv("a,b\n\n1,2\n")).toEqual([["a", "b"], ["1", "2"]]);
  });
});
