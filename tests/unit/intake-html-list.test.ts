import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ParseError } from "@/lib/intake/feeds";
import { findCandidateSelectors, parseHtmlList } from "@/lib/intake/html-list";

const fixturePath = (name: string) => path.join(__dirname, "../fixtures/intake", name);
const PAGE = "https://www.miit.gov.cn/xwdt/gxdt/index.html";
// The fixture is stored in GB18030, as the ministry serves it; decoding is the fetcher's job.
const gbPage = new TextDecoder("gb18030").decode(readFileSync(fixturePath("list-gb18030.html")));

describe("parseHtmlList", () => {
  it("decodes the GB18030 fixture to the same text as its UTF-8 source", () => {
    expect(gbPage).toBe(readFileSync(fixturePath("list-gb18030.src.html"), "utf8"));
    expect(gbPage).toContain("人工智能生成合成内容标识办法");
  });

  it("reads the six list items, not the header navigation, with resolved URLs", () => {
    const { entries, diagnosis } = parseHtmlList(gbPage, PAGE, { linkSelector: "ul.list li a" });
    expect(diagnosis).toBeNull();
    expect(entries.map((e) => e.url)).toEqual([
      "https://www.miit.gov.cn/zwgk/2025-03/14/content_1.html",
      "https://www.miit.gov.cn/zwgk/2025-03/13/content_2.html",
      "https://www.miit.gov.cn/zwgk/2025-03/12/content_3.html",
      "https://www.miit.gov.cn/zwgk/2025-03/11/content_4.html",
      "https://www.miit.gov.cn/zwgk/2025-03/10/content_5.html#para2",
      "https://www.miit.gov.cn/xwdt/gxdt/content_6.html",
    ]);
  });

  it("uses link text, the full title attribute for a cut-off text, and trims full-width spaces", () => {
    const { entries } = parseHtmlList(gbPage, PAGE, { linkSelector: "ul.list li a" });
    expect(entries[0].title).toBe("关于印发《人工智能生成合成内容标识办法》的通知");
    expect(entries[2].title).toBe("工业和信息化部办公厅关于推进移动物联网“万物智联”发展的通知");
    expect(entries[5].title).toBe("关于公布2024年度智能制造示范工厂揭榜单位名单的通知");
  });

  it("finds dates in every written form, at midnight China time", () => {
    const { entries } = parseHtmlList(gbPage, PAGE, { linkSelector: "ul.list li a" });
    expect(entries.map((e) => e.publishedAt?.toISOString())).toEqual([
      "2025-03-13T16:00:00.000Z",
      "2025-03-12T16:00:00.000Z",
      "2025-03-11T16:00:00.000Z",
      "2025-03-10T16:00:00.000Z",
      "2025-03-09T16:00:00.000Z",
      "2025-03-06T16:00:00.000Z",
    ]);
  });

  it("applies title and date selectors within each row, follows a link inside a selected non-a element, and respects <base href>", () => {
    const html = `<html><head><base href="https://www.nda.gov.cn/sjj/zwgk/"></head><body><table class="t">
      <tr><td class="n"><a href="zcfb/1.html">详情</a></td><td class="title">关于促进数据标注产业高质量发展的实施意见</td><td class="d">发布：2025年1月14日</td></tr>
      <tr><td class="n"><a href="zcfb/2.html">详情</a></td><td class="title">“数据要素×”三年行动计划</td><td class="d">2024-1-5</td></tr>
      <tr><td class="n"><a href="mailto:x@nda.gov.cn">mail</a></td><td class="title">x</td><td class="d"></td></tr>
    </table></body></html>`;
    const { entries } = parseHtmlList(html, "https://example.org/list", { linkSelector: "table.t td.n", titleSelector: ".title", dateSelector: ".d" });
    expect(entries).toEqual([
      { title: "关于促进数据标注产业高质量发展的实施意见", url: "https://www.nda.gov.cn/sjj/zwgk/zcfb/1.html", publishedAt: new Date("2025-01-14T00:00:00+08:00") },
      { title: "“数据要素×”三年行动计划", url: "https://www.nda.gov.cn/sjj/zwgk/zcfb/2.html", publishedAt: new Date("2024-01-05T00:00:00+08:00") },
    ]);
  });

  it("throws invalid_selector for a selector that does not parse", () => {
    for (const selectors of [{ linkSelector: "ul.list li a[" }, { linkSelector: "a", dateSelector: "span:nth-child(" }, { linkSelector: "  " }]) {
      let caught: unknown;
      try {
        parseHtmlList(gbPage, PAGE, selectors);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ParseError);
      expect((caught as ParseError).code).toBe("invalid_selector");
    }
  });

  it("diagnoses a selector that matches nothing, and matches without usable links", () => {
    expect(parseHtmlList(gbPage, PAGE, { linkSelector: "div.news-list li a" })).toEqual({
      entries: [],
      diagnosis: { code: "selector_matched_nothing", matched: 0, scripts: 1 },
    });
    expect(parseHtmlList(gbPage, PAGE, { linkSelector: "div.page a" })).toEqual({
      entries: [],
      diagnosis: { code: "matched_without_links", matched: 2, scripts: 1 },
    });
  });

  it("diagnoses a page whose list is built by JavaScript", () => {
    const html = readFileSync(fixturePath("list-script.html"), "utf8");
    expect(parseHtmlList(html, "https://www.nda.gov.cn/sjj/zwgk/zcfb/", { linkSelector: "ul.list li a" })).toEqual({
      entries: [],
      diagnosis: { code: "page_built_by_script", matched: 0, scripts: 3 },
    });
  });
});

describe("findCandidateSelectors", () => {
  it("suggests the news list first, with counts and sample titles", () => {
    const candidates = findCandidateSelectors(gbPage, PAGE);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(5);
    expect(candidates[0]).toEqual({
      selector: "ul.list li a",
      count: 6,
      sample: [
        "关于印发《人工智能生成合成内容标识办法》的通知",
        "关于开展2025年人工智能赋能新型工业化典型应用案例征集工作的通知",
        "工业和信息化部办公厅关于推进移动物联网“万物智联”...",
      ],
    });
    expect(candidates.map((c) => c.selector)).toContain("ul.nav li a");
  });

  it("suggests nothing for a script-built page", () => {
    expect(findCandidateSelectors(readFileSync(fixturePath("list-script.html"), "utf8"), "https://www.nda.gov.cn/")).toEqual([]);
  });
});
