/**
 * Turns fetched bytes into text. Chinese government sites still serve GB2312/GBK pages, often
 * without a charset in the Content-Type header, so the declared charset is looked for in the
 * header, then the document, and as a last resort the encoding is guessed from the bytes.
 */

export type DecodedBody = { text: string; charset: string };

/** Labels TextDecoder does not know (or decodes as a narrower table) mapped to the superset it decodes. */
const LABEL_ALIASES: Record<string, string> = {
  gb2312: "gb18030",
  gbk: "gb18030",
  "x-gbk": "gb18030",
  cp936: "gb18030",
  "windows-936": "gb18030",
  "euc-cn": "gb18030",
  "ks_c_5601-1987": "euc-kr",
  "ks_c_5601-1989": "euc-kr",
  ksc5601: "euc-kr",
  ksc_5601: "euc-kr",
  cp949: "euc-kr",
  "windows-949": "euc-kr",
  "x-windows-949": "euc-kr",
  uhc: "euc-kr",
  "big5-hkscs": "big5",
  "x-x-big5": "big5",
  cp950: "big5",
  "windows-950": "big5",
  utf8: "utf-8",
};

/** How much of the document is searched for a declaration (what browsers prescan, roughly). */
const PRESCAN_BYTES = 4096;
/** Detection scores this much of the body: enough text to tell the encodings apart, cheap for 5 MB pages. */
const DETECTION_SAMPLE_BYTES = 64 * 1024;

/** Characters frequent in simplified-Chinese policy text (GB2312 level 1). */
const SIMPLIFIED_COMMON = new Set(
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研务院策规划智展技术网络数据安全标准监督管理办法通知意见".split(""),
);
/** Characters frequent in traditional-Chinese text that have a different simplified form. */
const TRADITIONAL_COMMON = new Set(
  "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長與務院政策關開發資訊網路數據標準監督管理辦法條規劃術體總統實現應該問題區間電議員經濟灣臺".split(""),
);
/** Hangul syllables frequent in Korean prose; rare ones are what other encodings' bytes decode to as EUC-KR. */
const HANGUL_COMMON = new Set(
  "이다는의에가을하고지기서사한정로자대리도수시인국과해를어나있으게부아내전보여상그주적들구제관스니성일면만비것원위공장없라된등요신동회계터업중학안문화실행발경우법방용세개능책및".split(""),
);

/** Decodes `body`, choosing the charset by BOM, Content-Type, in-document declaration, then detection. */
export function decodeBody(body: Buffer, contentType: string | null): DecodedBody {
  const bom = bomCharset(body);
  const charset =
    bom ??
    supportedLabel(headerCharset(contentType)) ??
    supportedLabel(metaCharset(body), { fromMeta: true }) ??
    supportedLabel(xmlCharset(body)) ??
    detectCharset(body);
  // TextDecoder drops a BOM that matches its encoding, so the text never starts with U+FEFF.
  return { text: new TextDecoder(charset).decode(body), charset };
}

/** Guesses the charset of undeclared bytes: UTF-8 when valid, else the best-scoring of GB18030, Big5, EUC-KR. */
export function detectCharset(body: Buffer): string {
  const sample = body.subarray(0, DETECTION_SAMPLE_BYTES);
  if (isUtf8(sample, body.length > sample.length)) return "utf-8";

  const candidates = [
    { charset: "gb18030", common: SIMPLIFIED_COMMON },
    { charset: "big5", common: TRADITIONAL_COMMON },
    { charset: "euc-kr", common: HANGUL_COMMON },
  ].map(({ charset, common }) => {
    const text = new TextDecoder(charset).decode(sample);
    let replacements = 0;
    let frequent = 0;
    let nonAscii = 0;
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) continue;
      nonAscii++;
      if (ch === "\uFFFD") replacements++;
      else if (common.has(ch)) frequent++;
    }
    return { charset, replacements, frequent, nonAscii };
  });

  // Replacement characters rule an encoding out first; a small tolerance keeps one stray or cut-off
  // byte in the right encoding from handing the win to GB18030, which decodes nearly any byte pair.
  const fewest = Math.min(...candidates.map((c) => c.replacements));
  const tolerance = Math.max(2, Math.ceil(Math.max(...candidates.map((c) => c.nonAscii)) * 0.005));
  const contenders = candidates.filter((c) => c.replacements <= fewest + tolerance);
  contenders.sort((a, b) => b.frequent - a.frequent || a.replacements - b.replacements);
  return contenders[0].charset;
}

/** Whether the bytes are valid UTF-8; a sample cut mid-character at its end still counts as valid. */
function isUtf8(bytes: Buffer, truncated: boolean): boolean {
  try {
    // stream: true leaves an incomplete trailing sequence pending instead of failing on it.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}

function bomCharset(body: Buffer): string | null {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  return null;
}

function headerCharset(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

/** `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` near the start. */
function metaCharset(body: Buffer): string | null {
  // latin1 maps every byte to one character, so ASCII markup reads right whatever the real encoding.
  const head = body.subarray(0, PRESCAN_BYTES).toString("latin1");
  const metaTag = /<meta\b[^>]*>/gi;
  for (let tag = metaTag.exec(head); tag; tag = metaTag.exec(head)) {
    const match = /charset\s*=\s*["']?\s*([a-z0-9_:.()+-]+)/i.exec(tag[0]);
    if (match) return match[1];
  }
  return null;
}

function xmlCharset(body: Buffer): string | null {
  const head = body.subarray(0, PRESCAN_BYTES).toString("latin1");
  const match = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return match ? match[1] : null;
}

/** The TextDecoder encoding name for a declared label, or null when the label is unknown. */
function supportedLabel(label: string | null, options: { fromMeta?: boolean } = {}): string | null {
  if (!label) return null;
  let normalised = label.trim().toLowerCase();
  normalised = LABEL_ALIASES[normalised] ?? normalised;
  // A document that could be read as ASCII to find its own meta tag cannot be UTF-16 (HTML spec rule).
  if (options.fromMeta && normalised.startsWith("utf-16")) normalised = "utf-8";
  try {
    const encoding = new TextDecoder(normalised).encoding;
    return LABEL_ALIASES[encoding] ?? encoding;
  } catch {
    return null;
  }
}
