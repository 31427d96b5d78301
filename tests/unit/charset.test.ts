import { describe, expect, it } from "vitest";
import { decodeBody, detectCharset } from "../../lib/intake/charset";

// Known bytes, written out so the tests do not depend on an encoder (Node only encodes UTF-8).
const GBK_AI = "c8cbb9a4d6c7c4dc"; // 人工智能
const BIG5_STATE_COUNCIL = "b0eab0c8b07c"; // 國務院
const EUCKR_AI = "c0ceb0f8c1f6b4c9"; // 인공지능

/**
 * Encodes text in a legacy double-byte charset by inverting TextDecoder over every two-byte
 * sequence: enough to build realistic pages for detection without an encoding package.
 */
function encoderFor(label: string): (text: string) => Buffer {
  const decoder = new TextDecoder(label);
  const table = new Map<string, Buffer>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const bytes = Buffer.from([lead, trail]);
      const ch = decoder.decode(bytes);
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, bytes);
    }
  }
  return (text) =>
    Buffer.concat(
      [...text].map((ch) => {
        if (ch.charCodeAt(0) < 0x80) return Buffer.from(ch, "latin1");
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`${label} cannot encode ${ch}`);
        return bytes;
      }),
    );
}

const gbk = encoderFor("gb18030");
const big5 = encoderFor("big5");
const euckr = encoderFor("euc-kr");

const SIMPLIFIED = "国务院关于印发新一代人工智能发展规划的通知。各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n";
const TRADITIONAL = "國務院關於印發新一代人工智慧發展規劃的通知。各省、自治區、直轄市人民政府，國務院各部委、各直屬機構：\n";
const KOREAN = "중국 국무원은 인공지능 발전 계획을 발표했다. 이 정책은 산업 육성과 안전 관리를 함께 다룬다.\n";

describe("test encoders", () => {
  it("agree with the known byte sequences", () => {
    expect(gbk("人工智能").toString("hex")).toBe(GBK_AI);
    expect(big5("國務院").toString("hex")).toBe(BIG5_STATE_COUNCIL);
    expect(euckr("인공지능").toString("hex")).toBe(EUCKR_AI);
  });
});

describe("decodeBody: byte order marks", () => {
  it("honours a UTF-8 BOM over a contradicting header, and strips it", () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("정책 政策")]);
    expect(decodeBody(body, "text/html; charset=gbk")).toEqual({ text: "정책 政策", charset: "utf-8" });
  });

  it("reads UTF-16LE and UTF-16BE by their BOMs", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("国务院 policy", "utf16le")]);
    expect(decodeBody(le, null)).toEqual({ text: "国务院 policy", charset: "utf-16le" });
    const be = Buffer.from("国务院 policy", "utf16le").swap16();
    expect(decodeBody(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), "text/plain")).toEqual({
      text: "国务院 policy",
      charset: "utf-16be",
    });
  });
});

describe("decodeBody: declarations", () => {
  it("uses the Content-Type charset, mapping gb2312 to gb18030", () => {
    const page = Buffer.concat([Buffer.from("<p>"), Buffer.from(GBK_AI, "hex"), Buffer.from("</p>")]);
    expect(decodeBody(page, 'text/html; charset="GB2312"')).toEqual({ text: "<p>人工智能</p>", charset: "gb18030" });
  });

  it("prefers the header over a meta tag", () => {
    const page = Buffer.concat([Buffer.from('<meta charset="big5">'), Buffer.from(EUCKR_AI, "hex")]);
    expect(decodeBody(page, "text/html;charset=ks_c_5601-1987")).toEqual({
      text: '<meta charset="big5">인공지능',
      charset: "euc-kr",
    });
  });

  it("finds <meta charset> when the header has none", () => {
    const page = Buffer.concat([Buffer.from("<html><head><meta charset='big5'></head><body>"), Buffer.from(BIG5_STATE_COUNCIL, "hex")]);
    const decoded = decodeBody(page, "text/html");
    expect(decoded.charset).toBe("big5");
    expect(decoded.text).toBe("<html><head><meta charset='big5'></head><body>國務院");
  });

  it("finds the http-equiv Content-Type form, attributes in either order", () => {
    const tags = [
      '<meta http-equiv="Content-Type" content="text/html; charset=GBK">',
      '<META CONTENT="text/html; charset=gbk" HTTP-EQUIV="content-type">',
    ];
    for (const tag of tags) {
      const page = Buffer.concat([Buffer.from(`<html><head>${tag}<title>`), Buffer.from(GBK_AI, "hex"), Buffer.from("</title>")]);
      expect(decodeBody(page, null)).toEqual({ text: `<html><head>${tag}<title>人工智能</title>`, charset: "gb18030" });
    }
  });

  it("ignores a meta tag beyond the first 4 KB", () => {
    const page = Buffer.concat([
      Buffer.from(`<html>${" ".repeat(5000)}<meta charset="euc-kr">`),
      Buffer.from(GBK_AI.repeat(20), "hex"),
    ]);
    // Not declared where looked for, so detection decides: the GBK bytes win.
    expect(decodeBody(page, null).charset).toBe("gb18030");
  });

  it("uses the XML declaration of a feed", () => {
    const feed = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="gb2312"?>\n<rss><channel><title>'),
      Buffer.from(GBK_AI, "hex"),
      Buffer.from("</title></channel></rss>"),
    ]);
    expect(decodeBody(feed, "application/rss+xml")).toEqual({
      text: '<?xml version="1.0" encoding="gb2312"?>\n<rss><channel><title>人工智能</title></channel></rss>',
      charset: "gb18030",
    });
  });

  it("falls back to detection for an unknown label", () => {
    const page = gbk(`<meta charset="x-no-such-charset">${SIMPLIFIED.repeat(3)}`);
    expect(decodeBody(page, "text/html; charset=bogus")).toEqual({
      text: `<meta charset="x-no-such-charset">${SIMPLIFIED.repeat(3)}`,
      charset: "gb18030",
    });
  });
});

describe("detection", () => {
  it("takes valid UTF-8 (and plain ASCII) as UTF-8", () => {
    expect(detectCharset(Buffer.from(SIMPLIFIED))).toBe("utf-8");
    expect(detectCharset(Buffer.from("<rss><item>plain</item></rss>"))).toBe("utf-8");
  });

  it("detects undeclared GBK Chinese", () => {
    const text = `<html><body>${SIMPLIFIED.repeat(5)}</body></html>`;
    const decoded = decodeBody(gbk(text), "text/html");
    expect(decoded.charset).toBe("gb18030");
    expect(decoded.text).toBe(text);
  });

  it("detects undeclared Big5 Chinese", () => {
    const text = `<html><body>${TRADITIONAL.repeat(5)}</body></html>`;
    const decoded = decodeBody(big5(text), null);
    expect(decoded.charset).toBe("big5");
    expect(decoded.text).toBe(text);
  });

  it("detects undeclared EUC-KR Korean", () => {
    const text = `<html><body>${KOREAN.repeat(5)}</body></html>`;
    const decoded = decodeBody(euckr(text), null);
    expect(decoded.charset).toBe("euc-kr");
    expect(decoded.text).toBe(text);
  });

  it("still detects Big5 with a stray pair that only GB18030 can decode", () => {
    // 81 80 is a valid GBK character but an error in Big5: one replacement must not hand GB18030 the win.
    const text = big5(TRADITIONAL.repeat(5));
    const body = Buffer.concat([text.subarray(0, 30), Buffer.from([0x81, 0x80]), text.subarray(30)]);
    expect(new TextDecoder("gb18030").decode(body)).not.toContain("\uFFFD");
    expect(detectCharset(body)).toBe("big5");
  });

  it("detects the short known words", () => {
    expect(detectCharset(Buffer.from(GBK_AI, "hex"))).toBe("gb18030");
    expect(detectCharset(Buffer.from(BIG5_STATE_COUNCIL, "hex"))).toBe("big5");
    expect(detectCharset(Buffer.from(EUCKR_AI, "hex"))).toBe("euc-kr");
  });
});
