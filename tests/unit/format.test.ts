import { describe, expect, it } from "vitest";
import { addDays, formatDate, formatDateTime, todayIn } from "../../lib/format";

describe("formatDate", () => {
  it("shows calendar dates as stored, whatever the time zone", () => {
    expect(formatDate("2017-12-01", "ko")).toBe("2017년 12월 1일");
    expect(formatDate("2017-12-01", "en")).toBe("1 Dec 2017");
  });
  it("honours month precision", () => {
    expect(formatDate("2019-08-01", "ko", { precision: "month" })).toBe("2019년 8월");
    expect(formatDate("2019-08-01", "en", { precision: "month" })).toBe("August 2019");
  });
  it("gives an empty string for missing dates", () => {
    expect(formatDate(null, "ko")).toBe("");
    expect(formatDate(undefined, "en")).toBe("");
  });
  it("shows instants in Seoul time", () => {
    // 2025-01-01T15:30Z is already 2 January in Seoul.
    expect(formatDate(new Date("2025-01-01T15:30:00Z"), "ko")).toBe("2025년 1월 2일");
    expect(formatDateTime(new Date("2025-01-01T15:30:00Z"), "ko")).toContain("00:30");
    expect(formatDateTime(new Date("2025-01-01T15:30:00Z"), "en")).toMatch(/2 Jan 2025, 00:30/);
  });
});

describe("todayIn", () => {
  it("is the calendar date in the given zone", () => {
    const now = new Date("2025-03-31T16:00:00Z");
    expect(todayIn("Asia/Seoul", now)).toBe("2025-04-01");
    expect(todayIn("UTC", now)).toBe("2025-03-31");
  });
});

describe("addDays", () => {
  it("moves calendar dates across months, years and leap days", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-12-02", 14)).toBe("2026-12-16");
  });
});
