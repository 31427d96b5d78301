import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportOpml, parseOpml, type OpmlSource } from "@/lib/intake/opml";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/intake", name), "utf8");

const sources: OpmlSource[] = [
  { name: "中国政府网 最新政策", url: "https://www.gov.cn/zhengce/zuixin/rss.xml", kind: "rss", intervalMinutes: 60, enabled: true, linkSelector: null, titleSelector: null, dateSelector: null },
  { name: "网信办 <政策法规> & \"解读\"", url: "https://www.cac.gov.cn/atom.xml?a=1&b=2", kind: "atom", intervalMinutes: null, enabled: false, linkSelector: null, titleSelector: null, dateSelector: null },
  { name: "国家数据局", url: "https://www.nda.gov.cn/feed.json", kind: "json_feed", intervalMinutes: 1440, enabled: true, linkSelector: null, titleSelector: null, dateSelector: null },
  {
    name: "工信部 工作动态\n(列表)",
    url: "https://www.miit.gov.cn/xwdt/gxdt/index.html",
    kind: "html_list",
    intervalMinutes: 30,
    enabled: true,
    linkSelector: 'ul.list > li a[href*="content"]',
    titleSelector: "a[title]",
    dateSelector: "span.date:not(.old)\t",
  },
];

describe("exportOpml / parseOpml", () => {
  it("round-trips every field exactly, including characters that need escaping", () => {
    const xml = exportOpml(sources, "Policy Desk <sources> & more");
    expect(parseOpml(xml)).toEqual({ sources, errors: [] });
  });

  it("writes OPML 2.0 that feed readers understand, with our extras in the pd: namespace", () => {
    const xml = exportOpml(sources, "Policy Desk");
    expect(xml).toContain('<opml version="2.0" xmlns:pd="https://policy-desk.app/opml">');
    expect(xml).toContain("<title>Policy Desk</title>");
    expect(xml).toContain('type="rss" xmlUrl="https://www.cac.gov.cn/atom.xml?a=1&amp;b=2" pd:kind="atom"');
    expect(xml).toContain('type="link" url="https://www.miit.gov.cn/xwdt/gxdt/index.html" htmlUrl="https://www.miit.gov.cn/xwdt/gxdt/index.html" pd:kind="html_list"');
    expect(xml).toContain('pd:linkSelector="ul.list &gt; li a[href*=&quot;content&quot;]"');
    expect(xml).toContain('pd:enabled="false"');
    expect(xml).not.toMatch(/text="[^"]*\n/);
  });

  it("imports a feed reader's export: folders flattened, every feed as rss, entities decoded", () => {
    const { sources: imported, errors } = parseOpml(fixture("opml-feedreader.opml"));
    expect(errors).toEqual([]);
    expect(imported.map((s) => [s.name, s.url, s.kind])).toEqual([
      ["中国政府网 最新政策", "https://www.gov.cn/zhengce/zuixin/rss.xml", "rss"],
      ["工信部 政策文件", "https://www.miit.gov.cn/rss?channel=zcwj&page=1", "rss"],
      ["上海市经信委", "https://app.sheitc.sh.gov.cn/atom.xml", "rss"],
      ["DigiChina", "https://digichina.stanford.edu/feed/", "rss"],
      ["ChinAI Newsletter", "https://chinai.substack.com/feed", "rss"],
    ]);
    expect(imported.every((s) => s.enabled === true && s.intervalMinutes === null && s.linkSelector === null)).toBe(true);
  });

  it("reads pd: attributes under another prefix bound to our namespace", () => {
    const xml = `<opml version="2.0" xmlns:desk="https://policy-desk.app/opml"><body>
      <outline text="列表" type="link" url="https://ex.gov.cn/list.html" desk:linkSelector="ul li a" desk:interval="15"/></body></opml>`;
    expect(parseOpml(xml).sources).toEqual([
      { name: "列表", url: "https://ex.gov.cn/list.html", kind: "html_list", intervalMinutes: 15, enabled: true, linkSelector: "ul li a", titleSelector: null, dateSelector: null },
    ]);
  });

  it("reports invalid XML and unusable outlines with line numbers instead of throwing", () => {
    const broken = parseOpml('<?xml version="1.0"?>\n<opml version="2.0">\n<body>\n<outline text="a">\n</body></opml>');
    expect(broken.sources).toEqual([]);
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0].line).toBe(5);
    expect(broken.errors[0].message).toMatch(/^Invalid XML/);

    const partial = parseOpml(
      '<opml version="2.0"><body>\n<outline text="no url" type="rss"/>\n<outline text="ftp" type="rss" xmlUrl="ftp://ex.gov.cn/feed"/>\n' +
        '<outline text="ok" type="rss" xmlUrl="https://ex.gov.cn/feed" pd:kind="podcast" pd:interval="-5" xmlns:pd="https://policy-desk.app/opml"/>\n</body></opml>',
    );
    expect(partial.sources.map((s) => [s.name, s.kind, s.intervalMinutes])).toEqual([["ok", "rss", null]]);
    expect(partial.errors.map((e) => e.line)).toEqual([2, 3, 4, 4]);

    expect(parseOpml("<rss><channel/></rss>").errors[0].message).toMatch(/Not an OPML document/);
  });
});
