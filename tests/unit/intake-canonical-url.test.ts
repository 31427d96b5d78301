import { describe, expect, it } from "vitest";
import { canonicalUrl } from "@/lib/intake/canonical-url";

describe("canonicalUrl", () => {
  it("treats http and https, host case, default ports and fragments as the same page", () => {
    const canonical = "https://www.gov.cn/zhengce/content_1.htm";
    for (const url of [
      "http://www.gov.cn/zhengce/content_1.htm",
      "HTTPS://WWW.GOV.CN/zhengce/content_1.htm",
      "https://www.gov.cn:443/zhengce/content_1.htm",
      "http://www.gov.cn:80/zhengce/content_1.htm#p2",
      "  https://www.gov.cn//zhengce///content_1.htm  ",
    ]) {
      expect(canonicalUrl(url)).toBe(canonical);
    }
  });

  it("drops tracking parameters and sorts the rest", () => {
    expect(canonicalUrl("https://www.miit.gov.cn/a.html?utm_source=x&id=7&spm=1.2&from=timeline&shareId=9&UTM_Medium=y&channel=zcwj")).toBe(
      "https://www.miit.gov.cn/a.html?channel=zcwj&id=7",
    );
    expect(canonicalUrl("https://ex.gov.cn/a?b=2&a=1&a=0")).toBe("https://ex.gov.cn/a?a=0&a=1&b=2");
    expect(canonicalUrl("https://ex.gov.cn/a?utm_source=x")).toBe("https://ex.gov.cn/a");
  });

  it("keeps the path, a non-default port and raw (e.g. GBK) escapes as they are", () => {
    expect(canonicalUrl("https://ex.gov.cn:8080/list/index.html")).toBe("https://ex.gov.cn:8080/list/index.html");
    expect(canonicalUrl("https://ex.gov.cn/search?q=%D6%D0%CE%C4")).toBe("https://ex.gov.cn/search?q=%D6%D0%CE%C4");
    expect(canonicalUrl("https://ex.gov.cn/search?q=%D6%D0%CE%C4")).not.toBe(canonicalUrl("https://ex.gov.cn/search?q=%D6%D0%CE%C5"));
    expect(canonicalUrl("https://ex.gov.cn/list/")).not.toBe(canonicalUrl("https://ex.gov.cn/list"));
  });

  it("returns text that is not an absolute URL unchanged (trimmed)", () => {
    expect(canonicalUrl(" /relative/path ")).toBe("/relative/path");
  });
});
