import { XMLParser, XMLValidator } from "fast-xml-parser";
import { canonicalUrl } from "./canonical-url";

/** Where a source's entries come from: a feed format, or an HTML list page read with CSS selectors. */
export type SourceKind = "rss" | "atom" | "json_feed" | "html_list";

/** One entry found in a feed or list page. */
export type ParsedEntry = {
  title: string;
  /** Absolute, resolved against the feed/page URL. */
  url: string;
  publishedAt: Date | null;
};

type ParseErrorCode = "invalid_xml" | "invalid_json" | "not_a_feed" | "no_links" | "invalid_selector";

const MESSAGES: Record<ParseErrorCode, string> = {
  invalid_xml: "The document is not well-formed XML",
  invalid_json: "The document is not valid JSON",
  not_a_feed: "The document is not an RSS, Atom or JSON feed",
  no_links: "The feed has entries but none links to an http(s) page",
  invalid_selector: "The CSS selector is not valid",
};

/** A source's text could not be read as what it claims to be; `code` is stable, `detail` is for people. */
export class ParseError extends Error {
  readonly code: ParseErrorCode;
  readonly detail?: string;

  constructor(code: ParseErrorCode, detail?: string) {
    super(detail ? `${MESSAGES[code]}: ${detail}` : MESSAGES[code]);
    this.name = "ParseError";
    this.code = code;
    this.detail = detail;
  }
}

// ---------------------------------------------------------------------------
// Text helpers (shared with opml.ts and html-list.ts)
// ---------------------------------------------------------------------------

// The XML parser runs with entity processing off (so no DTD entity is ever expanded); the
// predefined XML entities, numeric references and the HTML entities feeds commonly carry
// are decoded here, in one pass, on the strings we actually use.
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'",
  nbsp: "\u00a0", ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009", ideographicspace: "\u3000",
  ldquo: "\u201c", rdquo: "\u201d", lsquo: "\u2018", rsquo: "\u2019", laquo: "\u00ab", raquo: "\u00bb",
  mdash: "\u2014", ndash: "\u2013", hellip: "\u2026", middot: "\u00b7", bull: "\u2022",
  copy: "\u00a9", reg: "\u00ae", trade: "\u2122", times: "\u00d7", divide: "\u00f7", deg: "\u00b0",
  yen: "\u00a5", sect: "\u00a7", para: "\u00b6",
};

/** Decodes XML/HTML character references (`&amp;`, `&#20013;`, `&#x6587;`, `&nbsp;` …) once; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const cp = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
      return valid ? String.fromCodePoint(cp) : whole;
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Collapses every run of whitespace (incl. NBSP and U+3000) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Plain-text title from feed text: entities decoded, stray HTML tags dropped, whitespace collapsed. */
function cleanTitle(raw: string): string {
  const decoded = decodeEntities(raw);
  // Feeds often put HTML (escaped or in CDATA) in titles; only tag-shaped runs are removed so "a < b" survives.
  return collapseWhitespace(decoded.replace(/<\/?[a-z][^<>]*>/gi, " "));
}

/** Resolves `href` against `base`; null unless the result is an http(s) URL. */
export function resolveHttpUrl(href: string, base: string): string | null {
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith("#")) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.href;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const CHINA_OFFSET = 8 * 60;
// CST is read as China Standard Time (not US Central): these feeds are Chinese.
const ZONES: Record<string, number> = {
  GMT: 0, UT: 0, UTC: 0, Z: 0,
  CST: CHINA_OFFSET, CCT: CHINA_OFFSET, BJT: CHINA_OFFSET, HKT: CHINA_OFFSET,
  JST: 9 * 60, KST: 9 * 60,
  EST: -5 * 60, EDT: -4 * 60, MST: -7 * 60, MDT: -6 * 60, PST: -8 * 60, PDT: -7 * 60,
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function buildDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 60) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMinutes * 60_000);
}

function zoneOffset(zone: string | undefined): number | null {
  // No zone at all: Chinese government sites write local (China) time.
  if (!zone) return CHINA_OFFSET;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === "-" ? -minutes : minutes;
  }
  return ZONES[zone.toUpperCase()] ?? null;
}

/** Parses an RFC 822 or ISO 8601 feed date; missing zones and "CST" mean China time (+08:00); null when unparseable. */
export function parseFeedDate(text: string | null | undefined): Date | null {
  const value = collapseWhitespace(text ?? "");
  if (!value) return null;

  const rfc = /^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/i.exec(value);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2].slice(0, 3).toLowerCase()) + 1;
    let year = Number(rfc[3]);
    if (rfc[3].length === 2) year += year < 50 ? 2000 : 1900;
    const offset = zoneOffset(rfc[7]);
    if (month === 0 || offset === null) return null;
    return buildDate(year, month, Number(rfc[1]), Number(rfc[4] ?? 0), Number(rfc[5] ?? 0), Number(rfc[6] ?? 0), 0, offset);
  }

  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(value);
  if (iso) {
    const offset = zoneOffset(iso[9]);
    if (offset === null) return null;
    const ms = iso[8] ? Math.round(Number(`0.${iso[8]}`) * 1000) : 0;
    return buildDate(Number(iso[1]), Number(iso[3]), Number(iso[4]), Number(iso[5] ?? 0), Number(iso[6] ?? 0), Number(iso[7] ?? 0), ms, offset);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Sniffing
// ---------------------------------------------------------------------------

/** The name of the XML root element, skipping the prolog (declaration, comments, PIs, DOCTYPE); null if none. */
function xmlRootName(text: string): string | null {
  let rest = text.replace(/^\uFEFF/, "").slice(0, 64_000);
  for (;;) {
    rest = rest.replace(/^\s+/, "");
    if (rest.startsWith("<?")) {
      const end = rest.indexOf("?>");
      if (end < 0) return null;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith("<!--")) {
      const end = rest.indexOf("-->");
      if (end < 0) return null;
      rest = rest.slice(end + 3);
    } else if (/^<!DOCTYPE/i.test(rest)) {
      // An internal subset ends with "]>", a plain DOCTYPE with ">".
      const bracket = rest.indexOf("[");
      const close = rest.indexOf(">");
      const end = bracket >= 0 && bracket < close ? rest.indexOf("]>", bracket) + 1 : close;
      if (end <= 0) return null;
      rest = rest.slice(end + 1);
    } else break;
  }
  const match = /^<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)[\s/>]/.exec(rest);
  return match ? match[1] : null;
}

function localName(name: string): string {
  return name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
}

/** Guesses a feed's format from its text alone: JSON Feed by its version URL, RSS (2.0 or 1.0/RDF) or Atom by the root element. */
export function sniffFeedKind(text: string): "rss" | "atom" | "json_feed" | null {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (trimmed.startsWith("{")) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(trimmed) ? "json_feed" : null;
  const root = xmlRootName(trimmed);
  if (!root) return null;
  const name = localName(root);
  if (name === "rss" || name === "RDF") return "rss";
  if (name === "feed") return "atom";
  return null;
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

type XmlNode = Record<string, unknown>;

const ARRAY_TAGS = new Set(["item", "entry", "link", "guid", "title", "pubDate", "date", "published", "updated", "issued", "modified"]);

function xmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    // Entities are decoded by decodeEntities on the values we use: nothing declared in a DTD
    // is expanded (no billion laughs), and external entities make the parser throw.
    processEntities: false,
    htmlEntities: false,
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => ARRAY_TAGS.has(name),
  });
}

/** Text content of a parsed node (string, or object with #text, or first of an array). */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.length ? textOf(value[0]) : "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object") return textOf((value as XmlNode)["#text"]);
  return "";
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  const value = (node as XmlNode)[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

function firstDate(node: XmlNode, keys: string[]): Date | null {
  for (const key of keys) {
    for (const value of asArray(node[key])) {
      const date = parseFeedDate(decodeEntities(textOf(value)));
      if (date) return date;
    }
  }
  return null;
}

type RawEntry = { title: string; href: string | null; publishedAt: Date | null; fallbackTitle?: string };

function rssEntries(items: unknown[]): RawEntry[] {
  return items.map((raw) => {
    const item = (raw && typeof raw === "object" ? raw : {}) as XmlNode;
    // <link> holds text; an <atom:link href> (same local name once prefixes are removed) is a fallback.
    let href: string | null = null;
    for (const link of asArray(item.link)) {
      const text = decodeEntities(textOf(link)).trim();
      const linkHref = attr(link, "href");
      if (text) { href = text; break; }
      if (linkHref && !href) href = decodeEntities(linkHref);
    }
    if (!href) {
      const guid = asArray(item.guid)[0];
      // A guid is a URL only when isPermaLink is absent (defaults to true) or "true".
      if (guid !== undefined && (attr(guid, "isPermaLink") ?? "true").trim().toLowerCase() === "true") {
        href = decodeEntities(textOf(guid)).trim() || null;
      }
    }
    return {
      title: cleanTitle(textOf(item.title)),
      href,
      publishedAt: firstDate(item, ["pubDate", "date", "published", "updated"]),
      fallbackTitle: cleanTitle(textOf(item.description)).slice(0, 80),
    };
  });
}

function atomEntries(entries: unknown[]): RawEntry[] {
  return entries.map((raw) => {
    const entry = (raw && typeof raw === "object" ? raw : {}) as XmlNode;
    const links = asArray(entry.link);
    const alternate = links.find((link) => {
      const rel = attr(link, "rel")?.trim();
      return attr(link, "href") !== undefined && (rel === undefined || rel === "" || rel === "alternate");
    });
    const href = alternate ? decodeEntities(attr(alternate, "href") ?? "") : null;
    return {
      title: cleanTitle(textOf(entry.title)),
      href,
      publishedAt: firstDate(entry, ["published", "issued", "updated", "modified"]),
      fallbackTitle: cleanTitle(textOf(entry.summary)).slice(0, 80),
    };
  });
}

function xmlEntries(text: string): RawEntry[] {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    // An HTML page configured as a feed is rarely well-formed XML; "not a feed" tells the user more.
    const root = xmlRootName(text);
    if (root && root.toLowerCase() === "html") throw new ParseError("not_a_feed", "an HTML page");
    const { msg, line } = validation.err;
    throw new ParseError("invalid_xml", line ? `line ${line}: ${msg}` : msg);
  }
  let doc: XmlNode;
  try {
    doc = xmlParser().parse(text) as XmlNode;
  } catch (error) {
    // e.g. external entities, DOCTYPE problems the validator lets through.
    throw new ParseError("invalid_xml", error instanceof Error ? error.message : String(error));
  }
  const rootKey = Object.keys(doc).find((key) => !key.startsWith("?") && !key.startsWith("#"));
  const root = rootKey ? doc[rootKey] : undefined;
  const rootNode = (root && typeof root === "object" ? root : {}) as XmlNode;
  if (rootKey === "rss") {
    const channel = asArray(rootNode.channel)[0];
    const items = channel && typeof channel === "object" ? asArray((channel as XmlNode).item) : [];
    return rssEntries(items);
  }
  // RSS 1.0 (RDF) keeps items beside the channel, not inside it.
  if (rootKey === "RDF") return rssEntries(asArray(rootNode.item));
  if (rootKey === "feed") return atomEntries(asArray(rootNode.entry));
  throw new ParseError("not_a_feed", rootKey ? `root element <${rootKey}>` : undefined);
}

function jsonEntries(text: string): RawEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ParseError("invalid_json", error instanceof Error ? error.message : String(error));
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc) || !Array.isArray((doc as XmlNode).items)) {
    throw new ParseError("not_a_feed", "no items array");
  }
  const str = (value: unknown) => (typeof value === "string" ? value : "");
  return ((doc as XmlNode).items as unknown[]).map((raw) => {
    const item = (raw && typeof raw === "object" ? raw : {}) as XmlNode;
    const href = str(item.url).trim() || str(item.external_url).trim() || null;
    return {
      // JSON strings carry no entities to speak of, but titles copied from HTML sometimes do.
      title: cleanTitle(str(item.title)),
      href,
      publishedAt: parseFeedDate(str(item.date_published) || str(item.date_modified)),
      fallbackTitle: collapseWhitespace(str(item.content_text) || str(item.summary)).slice(0, 80).trim(),
    };
  });
}

/** Resolves, filters (http(s) only) and de-duplicates raw entries; titles fall back to summary text, then the URL. */
function finish(raw: RawEntry[], baseUrl: string): ParsedEntry[] {
  const seen = new Set<string>();
  const entries: ParsedEntry[] = [];
  for (const entry of raw) {
    const url = entry.href ? resolveHttpUrl(entry.href, baseUrl) : null;
    if (!url) continue;
    const key = canonicalUrl(url);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ title: entry.title || entry.fallbackTitle || url, url, publishedAt: entry.publishedAt });
  }
  // Items exist but none is linkable: say so, rather than look like an empty feed.
  if (raw.length > 0 && entries.length === 0) throw new ParseError("no_links", `${raw.length} entries without an http(s) link`);
  return entries;
}

/**
 * Parses an RSS 2.0/1.0, Atom 1.0 or JSON Feed document into entries with absolute http(s) URLs.
 * `kind` only chooses XML or JSON: an XML source may switch between RSS and Atom and still be read.
 */
export function parseFeed(text: string, baseUrl: string, kind?: "rss" | "atom" | "json_feed"): ParsedEntry[] {
  const detected = kind ?? sniffFeedKind(text);
  if (detected === "json_feed") return finish(jsonEntries(text), baseUrl);
  if (detected === null) {
    const start = text.replace(/^\uFEFF/, "").trimStart();
    // JSON without the jsonfeed.org version is still read if it has an items array.
    if (start.startsWith("{") || start.startsWith("[")) return finish(jsonEntries(text), baseUrl);
  }
  return finish(xmlEntries(text), baseUrl);
}
