import * as cheerio from "cheerio";
import type { CheerioAPI } from "cheerio";
import { collapseWhitespace } from "./feeds";

/** What kind of policy instrument a title names. */
export type InstrumentGuess =
  | "law"
  | "regulation"
  | "departmental_rule"
  | "plan"
  | "standard"
  | "guideline"
  | "fund"
  | "pilot_program"
  | "other";

/** Fields read from one policy page, to prefill a policy draft. */
export type PolicyPageDraft = {
  titleZh: string | null;
  documentNumber: string | null;
  issuingBodies: string[];
  writtenOn: string | null;
  announcedOn: string | null;
  effectiveOn: string | null;
  instrumentType: InstrumentGuess;
  mainText: string;
};

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/** Full-width digits (０-９) appear on some government pages; dates and numbers are read as ASCII. */
function asciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

const DATE_PATTERN = /(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([-/.])(\d{1,2})\4(\d{1,2})(?!\d))/g;

/** The first valid date in `text` (2025年3月14日, 2025-03-14, 2025/3/14, 2025.03.14) as "yyyy-mm-dd"; null if none is valid. */
export function parseChineseDate(text: string): string | null {
  for (const match of asciiDigits(text).matchAll(DATE_PATTERN)) {
    const year = Number(match[1]);
    const month = Number(match[2] ?? match[5]);
    const day = Number(match[3] ?? match[6]);
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) continue;
    if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) continue;
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Document numbers
// ---------------------------------------------------------------------------

// Chinese form: issuer abbreviation, year in brackets (〔〕 officially; [] () 【】 ［］ （） in the wild), number, 号.
const CN_NUMBER = /([\u4e00-\u9fa5]{1,12})\s*[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d{1,5})\s*号/g;
// Standards: GB 45438—2025, GB/T 45654-2025, industry ones like YD/T 1234-2020, and TC260 guides like TC260-003.
const STANDARD_NUMBER = /(?<![A-Za-z])(?:(?:GB(?:\s*\/\s*[TZ])?|[A-Z]{2}\s*\/\s*[TZ])\s*\d{3,6}(?:\.\d+)?\s*[-—–－]\s*\d{4}|TC260-(?:[A-Z]{2,3}-)?\d{3,}[A-Z]?)(?![\dA-Za-z])/g;
// Words that precede a number in running text but are not part of the issuer's abbreviation.
const LEADING_WORDS = /^.*(?:根据|依据|按照|参照|落实|印发|转发|见|即|和|及|与|的|了|以|文号|字号)/;

function normaliseStandard(raw: string): string {
  if (raw.startsWith("TC260")) return raw;
  return raw.replace(/\s*\/\s*/, "/").replace(/\s+/g, " ").replace(/\s*([-—–－])\s*/, "$1").replace(/^([A-Z/]+)(\d)/, "$1 $2");
}

/** The first document number in `text` (国发〔2017〕35号, GB/T 45654-2025, TC260-003 …); Chinese forms get 〔〕 brackets. */
export function findDocumentNumber(text: string): string | null {
  const source = asciiDigits(text);
  let best: { index: number; value: string } | null = null;
  for (const match of source.matchAll(CN_NUMBER)) {
    const issuer = match[1].replace(LEADING_WORDS, "");
    if (!issuer) continue;
    best = { index: match.index + match[1].length - issuer.length, value: `${issuer}〔${match[2]}〕${Number(match[3])}号` };
    break;
  }
  for (const match of source.matchAll(STANDARD_NUMBER)) {
    if (!best || match.index < best.index) best = { index: match.index, value: normaliseStandard(match[0]) };
    break;
  }
  return best?.value ?? null;
}

// ---------------------------------------------------------------------------
// Instrument type
// ---------------------------------------------------------------------------

/** The instrument's own name: inside the first 《》 if any, without trailing （试行）/（草案）-style notes. */
function coreTitle(title: string): string {
  const quoted = /《([^《》]+)》/.exec(title);
  let core = collapseWhitespace(quoted ? quoted[1] : title);
  for (let previous = ""; previous !== core; ) {
    previous = core;
    core = core.replace(/\s*[（(][^（()）]*[)）]\s*$/, "").trim();
  }
  return core;
}

/** Guesses the instrument type from a title; the ending of the instrument's own name decides first, keywords next. */
export function guessInstrumentType(title: string): InstrumentGuess {
  const full = collapseWhitespace(asciiDigits(title));
  const core = coreTitle(full);
  if (/^(?:GB|[A-Z]{2})\s*\/\s*[TZ]?\s*\d|^GB\s*\d|^TC260-/.test(full) || /标准$/.test(core)) return "standard";
  if (/条例$/.test(core)) return "regulation";
  if (/(?:办法|规定|细则)$/.test(core)) return "departmental_rule";
  // 办法/方法/做法/算法 end in 法 but are not laws.
  if (/法$/.test(core) && !/(?:办|方|做|算|手|用|说|看|想)法$/.test(core)) return "law";
  if (/(?:规划|计划|方案|纲要)$/.test(core)) return "plan";
  if (/(?:指南|指引)$/.test(core)) return "guideline";
  // Generic wrappers (…的通知, …的意见) say less than what they are about.
  if (/基金/.test(full)) return "fund";
  if (/试点|试验区/.test(full)) return "pilot_program";
  if (/条例/.test(core)) return "regulation";
  if (/办法|规定|细则/.test(core)) return "departmental_rule";
  if (/规划|计划|方案|纲要/.test(core)) return "plan";
  if (/标准/.test(core)) return "standard";
  if (/指南|指引|意见|通知/.test(full)) return "guideline";
  return "other";
}

// ---------------------------------------------------------------------------
// Page text
// ---------------------------------------------------------------------------

/** The parts of a parsed node the text walker reads (cheerio's domhandler nodes). */
type DomNode = { type: string; name?: string; data?: string; children?: DomNode[] };

const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
  "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul",
]);
const SKIPPED_TAGS = new Set(["script", "style", "noscript", "template", "iframe", "object", "svg", "head", "select", "button"]);
const CELL_TAGS = new Set(["td", "th"]);

function collectText(node: DomNode, out: string[]): void {
  if (node.type === "text") {
    out.push(node.data ?? "");
    return;
  }
  if (node.type !== "tag" && node.type !== "root") return;
  const name = node.name?.toLowerCase() ?? "";
  if (SKIPPED_TAGS.has(name)) return;
  const block = BLOCK_TAGS.has(name);
  if (block) out.push("\n");
  if (CELL_TAGS.has(name)) out.push(" ");
  for (const child of node.children ?? []) collectText(child, out);
  if (block) out.push("\n");
  if (CELL_TAGS.has(name)) out.push(" ");
}

/** Plain text of nodes: block elements become line breaks, each line's whitespace collapsed, blank lines dropped. */
function blockText(nodes: DomNode[]): string {
  const out: string[] = [];
  for (const node of nodes) collectText(node, out);
  return out
    .join("")
    .split("\n")
    .map((line) => collapseWhitespace(line))
    .filter(Boolean)
    .join("\n");
}

function nodesOf($: CheerioAPI, selector: string): DomNode[] {
  return $(selector).toArray() as unknown as DomNode[];
}

const CONTENT_CONTAINERS = ["#UCAP-CONTENT", ".pages_content", ".TRS_Editor", "article", ".article", "#content", "main"];
const PAGE_CHROME = "nav, header, footer, script, style, noscript, template, iframe, [role=navigation], [role=banner], [role=contentinfo]";

function mainTextOf($: CheerioAPI): string {
  for (const selector of CONTENT_CONTAINERS) {
    const container = $(selector).first();
    if (!container.length) continue;
    container.find(PAGE_CHROME).remove();
    const text = blockText(container.toArray() as unknown as DomNode[]);
    // An empty placeholder container is not the article; try the next candidate.
    if (text.length >= 20) return text;
  }
  $("body").find(PAGE_CHROME).remove();
  return blockText(nodesOf($, "body").length ? nodesOf($, "body") : nodesOf($, ":root"));
}

// ---------------------------------------------------------------------------
// Info table and metadata
// ---------------------------------------------------------------------------

type Field = "title" | "documentNumber" | "bodies" | "written" | "announced" | "effective";

const LABELS: Record<string, Field> = {
  标题: "title",
  发文字号: "documentNumber",
  文号: "documentNumber",
  发文机关: "bodies",
  发布机构: "bodies",
  发文单位: "bodies",
  成文日期: "written",
  发布日期: "announced",
  发布时间: "announced",
  施行日期: "effective",
  实施日期: "effective",
  生效日期: "effective",
};

/** Label cells are written "标　　题：" or "发文字号:"; compare them without whitespace and trailing colons. */
function normaliseLabel(text: string): string {
  return text.replace(/\s+/g, "").replace(/[：:]+$/, "");
}

function readInfoTable($: CheerioAPI): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  $("td, th, dt").each((_, cell) => {
    const $cell = $(cell);
    // A label cell holds only the label; nested tables' outer cells are skipped by the length check.
    const text = collapseWhitespace($cell.text());
    if (text.length > 40) return;
    const label = normaliseLabel(text);
    const direct = LABELS[label];
    if (direct) {
      const value = collapseWhitespace($cell.next("td, th, dd").text());
      if (value && found[direct] === undefined) found[direct] = value;
      return;
    }
    // "发文字号：国发〔2017〕35号" in one cell.
    const inline = /^([^：:]{2,8})[：:]\s*(.+)$/.exec(text);
    const field = inline ? LABELS[normaliseLabel(inline[1])] : undefined;
    if (inline && field && found[field] === undefined) found[field] = inline[2].trim();
  });
  return found;
}

function meta($: CheerioAPI, ...names: string[]): string | null {
  for (const name of names) {
    const value = $(`meta[name="${name}"], meta[property="${name}"]`).first().attr("content");
    if (value && value.trim()) return collapseWhitespace(value);
  }
  return null;
}

/** Removes a site name appended to a page title: "…_国务院部门文件_中国政府网", "… - 中华人民共和国工业和信息化部". */
function stripSiteSuffix(title: string): string {
  let result = collapseWhitespace(title);
  // Underscores do not occur in Chinese policy titles; everything after the first one is site chrome.
  const underscore = result.indexOf("_");
  if (underscore > 0) result = result.slice(0, underscore).trim();
  for (;;) {
    const match = /^(.+?)\s*(?:\s[-–—|｜]\s|[|｜])\s*([^-–—|｜]+)$/.exec(result);
    if (!match || !/网|部|委|局|院|署|办|厅|政府|中心|门户|中华人民共和国|gov/i.test(match[2])) break;
    result = match[1].trim();
  }
  return result;
}

function splitBodies(value: string): string[] {
  return value
    .split(/[\s、，,；;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** First "label：date" in the text for any of the labels, e.g. "发布时间：2025-03-14 10:00". */
function labelledDate(text: string, labels: string[]): string | null {
  const pattern = new RegExp(`(?:${labels.join("|")})\\s*[：:]\\s*([^\\n]{0,30})`);
  const match = pattern.exec(text);
  return match ? parseChineseDate(match[1]) : null;
}

/** A line that is nothing but a document number (how notices print their own number under the title). */
function standaloneNumber(text: string): string | null {
  for (const line of text.split("\n").slice(0, 30)) {
    const value = findDocumentNumber(line);
    if (value && line.replace(/\s+/g, "").length <= value.replace(/\s+/g, "").length + 2) return value;
  }
  return null;
}

/** Reads a gov.cn-style policy page (info table, meta tags, main text) into draft fields; never throws on odd markup. */
export function extractPolicyPage(html: string, url: string): PolicyPageDraft {
  void url; // kept in the signature for site-specific rules; nothing here depends on the site yet
  const $ = cheerio.load(html);
  const table = readInfoTable($);
  const rawTitle = $("title").first().text();

  const titleZh =
    meta($, "ArticleTitle") ??
    (table.title ? collapseWhitespace(table.title) : null) ??
    (meta($, "og:title") ? stripSiteSuffix(meta($, "og:title") ?? "") : null) ??
    (collapseWhitespace($("h1").first().text()) || null) ??
    (rawTitle.trim() ? stripSiteSuffix(rawTitle) : null);

  // Read the whole page's text before the main-text extraction removes header/footer parts.
  const pageText = blockText(nodesOf($, "body"));
  const mainText = mainTextOf($);

  const bodiesSource = table.bodies ?? meta($, "ContentSource");
  const issuingBodies = bodiesSource ? splitBodies(bodiesSource) : [];

  const writtenOn = (table.written ? parseChineseDate(table.written) : null) ?? labelledDate(pageText, ["成文日期"]);
  const announcedOn =
    (table.announced ? parseChineseDate(table.announced) : null) ??
    parseChineseDate(meta($, "PubDate") ?? meta($, "pubdate") ?? "") ??
    labelledDate(pageText, ["发布日期", "发布时间"]);

  let effectiveOn = (table.effective ? parseChineseDate(table.effective) : null) ?? labelledDate(pageText, ["施行日期", "实施日期", "生效日期"]);
  if (!effectiveOn) {
    const from = /自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*起\s*(?:施行|实施|生效|执行)/.exec(asciiDigits(mainText));
    if (from) effectiveOn = parseChineseDate(from[1]);
    // "自发布之日起施行": in force from the announcement date.
    else if (/自(?:公布|发布|印发)之日起(?:施行|实施|生效|执行)/.test(mainText)) effectiveOn = announcedOn;
  }

  const documentNumber =
    (table.documentNumber ? findDocumentNumber(table.documentNumber) ?? collapseWhitespace(table.documentNumber) : null) ??
    (titleZh ? findDocumentNumber(titleZh) : null) ??
    standaloneNumber(mainText) ??
    findDocumentNumber(mainText.replace(/[（(][^（()）\n]{0,40}[)）]/g, " "));

  return {
    titleZh: titleZh || null,
    documentNumber,
    issuingBodies,
    writtenOn,
    announcedOn,
    effectiveOn,
    instrumentType: titleZh ? guessInstrumentType(titleZh) : "other",
    mainText,
  };
}
