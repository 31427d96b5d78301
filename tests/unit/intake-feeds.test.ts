import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ParseError, parseFeed, parseFeedDate, sniffFeedKind } from "@/lib/intake/feeds";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/intake", name), "utf8");
const iso = (date: Date | null) => (date ? date.toISOString() : null);

function parseError(run: () => unknown): ParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error("expected a ParseError");
}

const rssBody = (items: string) => `<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;
const rss = (items: string) => `<?xml version="1.0"?>${rssBody(items)}`;

describe("sniffFeedKind", () => {
  it("recognises each fixture's format and rejects other documents", () => {
    expect(sniffFeedKind(fixture("rss.xml"))).toBe("rss");
    expect(sniffFeedKind(fixture("atom.xml"))).toBe("atom");
    expect(sniffFeedKind(fixture("feed.json"))).toBe("json_feed");
    expect(sniffFeedKind('\uFEFF<?xml version="1.0"?>\n<!-- c --><rdf:RDF xmlns:rdf="x"></rdf:RDF>')).toBe("rss");
    expect(sniffFeedKind("<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'/>")).toBe("atom");
    expect(sniffFeedKind("<!DOCTYPE html><html><body></body></html>")).toBeNull();
    expect(sniffFeedKind('{"items": []}')).toBeNull();
  });
});

describe("parseFeed: RSS 2.0", () => {
  const entries = parseFeed(fixture("rss.xml"), "https://www.miit.gov.cn/zwgk/rss.xml");

  it("reads all four items with CDATA titles, entities decoded and whitespace collapsed", () => {
    expect(entries.map((e) => e.title)).toEqual([
      "工业和信息化部关于印发《人形机器人创新发展指导意见》的通知",
      "关于开展 2025 年人工智能赋能新型工业化 典型应用案例征集工作的通知",
      "人工智能标准化 & 国家标准体系建设指南（2024版）“征求意见稿”",
      "工业和信息化部办公厅关于推进算力基础设施高质量发展的通知",
    ]);
  });

  it("resolves a relative link against the feed URL and uses a permalink guid when there is no link", () => {
    expect(entries[1].url).toBe("https://www.miit.gov.cn/zwgk/zcwj/wjfb/tz/art/2025/art_2.html");
    expect(entries[2].url).toBe("https://www.miit.gov.cn/zwgk/zcwj/wjfb/zh/art/2025/art_3.html");
  });

  it("reads +0800, GMT, CST (China) and dc:date times", () => {
    expect(entries.map((e) => iso(e.publishedAt))).toEqual([
      "2025-03-14T00:00:00.000Z",
      "2025-03-13T02:00:00.000Z",
      "2025-03-12T01:30:00.000Z",
      "2025-03-11T02:00:00.000Z",
    ]);
  });

  it("skips items without an http(s) URL, ignores non-permalink guids, and keeps a repeated URL once", () => {
    const parsed = parseFeed(
      rss(`<item><title>A</title><link>https://ex.gov.cn/a.html</link></item>
        <item><title>B</title><guid isPermaLink="false">https://ex.gov.cn/b.html</guid></item>
        <item><title>C</title><link>javascript:alert(1)</link></item>
        <item><title>D</title><link>http://ex.gov.cn/a.html?utm_source=rss#x</link></item>
        <item><title>E</title><link>ftp://ex.gov.cn/e.txt</link></item>`),
      "https://ex.gov.cn/feed.xml",
    );
    expect(parsed.map((e) => e.title)).toEqual(["A"]);
  });

  it("reports items that all lack links as no_links, and an empty channel as no entries", () => {
    expect(parseError(() => parseFeed(rss("<item><title>only a title</title></item>"), "https://ex.gov.cn/")).code).toBe("no_links");
    expect(parseFeed(rss(""), "https://ex.gov.cn/")).toEqual([]);
  });
});

describe("parseFeed: Atom and JSON Feed", () => {
  it("takes the alternate link, not an enclosure, and published before updated", () => {
    const entries = parseFeed(fixture("atom.xml"), "https://www.cac.gov.cn/zcfg/atom.xml");
    expect(entries).toEqual([
      { title: "人工智能生成合成内容标识办法 全文", url: "https://www.cac.gov.cn/2025-03/14/c_1.htm", publishedAt: new Date("2025-03-14T09:00:00Z") },
      { title: "生成式人工智能服务管理暂行办法", url: "https://www.cac.gov.cn/2023-07/13/c_2.htm", publishedAt: new Date("2023-07-13T20:00:00Z") },
      { title: "网络数据安全管理条例", url: "https://www.cac.gov.cn/2024-09/30/c_3.htm", publishedAt: null },
    ]);
  });

  it("reads url or external_url, falls back to 80 characters of content_text, and trims titles", () => {
    const entries = parseFeed(fixture("feed.json"), "https://www.nda.gov.cn/sjj/zwgk/zcfb/feed.json");
    expect(entries.map((e) => e.url)).toEqual([
      "https://www.nda.gov.cn/sjj/zwgk/zcfb/0114/20250114_1.html",
      "https://www.gov.cn/zhengce/zhengceku/202501/content_2.htm",
      "https://www.nda.gov.cn/sjj/zwgk/zcfb/0103/20250103_3.html",
    ]);
    expect(entries[1].title).toHaveLength(80);
    expect(entries[1].title.startsWith("国家数据局等部门印发《公共数据资源开发利用的意见》配套文件")).toBe(true);
    expect(entries[2].title).toBe("“数据要素×”三年行动计划（2024—2026年）");
    expect(iso(entries[0].publishedAt)).toBe("2025-01-14T02:00:00.000Z");
    expect(iso(entries[1].publishedAt)).toBe("2025-01-09T16:00:00.000Z");
  });
});

describe("parseFeed: errors and hostile input", () => {
  it("reports broken XML as invalid_xml with the line number", () => {
    const error = parseError(() => parseFeed(fixture("invalid.xml"), "https://ex.gov.cn/"));
    expect(error.code).toBe("invalid_xml");
    expect(error.detail).toMatch(/^line 8:/);
  });

  it("reports broken JSON as invalid_json and other documents as not_a_feed", () => {
    expect(parseError(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', "https://ex.gov.cn/")).code).toBe("invalid_json");
    expect(parseError(() => parseFeed("<opml version='2.0'><body/></opml>", "https://ex.gov.cn/")).code).toBe("not_a_feed");
    expect(parseError(() => parseFeed("<!DOCTYPE html><html><head><meta charset=utf-8></head><body><p>hi<br></p></body></html>", "https://ex.gov.cn/")).code).toBe("not_a_feed");
    expect(parseError(() => parseFeed('{"title": "no items"}', "https://ex.gov.cn/")).code).toBe("not_a_feed");
  });

  it("does not expand DTD entities (billion laughs) and refuses external entities", () => {
    const lol = '<!ENTITY lol "lolololololololololo">' + Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("");
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${lol}]>${rssBody("<item><title>&lol; &lol8;</title><link>https://ex.gov.cn/a</link></item>")}`;
    const started = Date.now();
    const [entry] = parseFeed(bomb, "https://ex.gov.cn/");
    // Declared entities stay unexpanded, even the harmless single-level one.
    expect(entry.title).toBe("&lol; &lol8;");
    expect(Date.now() - started).toBeLessThan(2000);

    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${rssBody("<item><title>&xxe;</title><link>https://ex.gov.cn/a</link></item>")}`;
    expect(parseError(() => parseFeed(xxe, "https://ex.gov.cn/")).code).toBe("invalid_xml");
  });
});

describe("parseFeedDate", () => {
  it("reads RFC 822 and ISO 8601, treating CST and missing zones as China time", () => {
    expect(iso(parseFeedDate("Fri, 14 Mar 2025 08:00:00 +0800"))).toBe("2025-03-14T00:00:00.000Z");
    expect(iso(parseFeedDate("14 Mar 2025 08:00 CST"))).toBe("2025-03-14T00:00:00.000Z");
    expect(iso(parseFeedDate("Fri, 14 Mar 2025 08:00:00 GMT"))).toBe("2025-03-14T08:00:00.000Z");
    expect(iso(parseFeedDate("2025-03-14T08:00:00Z"))).toBe("2025-03-14T08:00:00.000Z");
    expect(iso(parseFeedDate("2025-03-14 08:00:00"))).toBe("2025-03-14T00:00:00.000Z");
    expect(iso(parseFeedDate("2025-03-14T08:00:00.250-05:00"))).toBe("2025-03-14T13:00:00.250Z");
  });

  it("returns null for unparseable or impossible dates", () => {
    expect(parseFeedDate("yesterday")).toBeNull();
    expect(parseFeedDate("2025-02-30")).toBeNull();
    expect(parseFeedDate("31 Foo 2025 10:00 GMT")).toBeNull();
    expect(parseFeedDate("")).toBeNull();
  });
});
