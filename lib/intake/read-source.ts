import { type FetchErrorCode, FetchError, type SafeFetchOptions, safeFetch } from "./safe-fetch";
import { type ParsedEntry, ParseError, parseFeed } from "./feeds";
import { type HtmlListResult, parseHtmlList } from "./html-list";
import type { SourceKindCode } from "../vocab";

/** Why a source could not be read: a fetch failure or a parse failure, shown to people in words. */
export type SourceErrorCode = FetchErrorCode | ParseError["code"];

/** What a source needs to be read. */
export type SourceConfig = {
  url: string;
  kind: SourceKindCode;
  linkSelector?: string | null;
  titleSelector?: string | null;
  dateSelector?: string | null;
};

export type SourceReading =
  | {
      ok: true;
      notModified: false;
      entries: ParsedEntry[];
      /** HTML list pages: why nothing was found (a selector matching nothing, a page built by script). */
      diagnosis: HtmlListResult["diagnosis"];
      charset: string;
      /** The decoded page or feed (the preview looks for selectors in it). */
      text: string;
      finalUrl: string;
      status: number;
      etag: string | null;
      lastModified: string | null;
    }
  | { ok: true; notModified: true; etag: string | null; lastModified: string | null }
  | { ok: false; error: SourceErrorCode; status: number | null; detail: string | null; transient: boolean };

/** At most this many entries are taken from one reading (a list page rarely shows more). */
export const MAX_ENTRIES_PER_READING = 200;

// Worth retrying: the network or the server may do better in a minute. Anything else (a refused
// address, a 404, broken XML) needs a person to change the source.
const transientCodes = new Set<SourceErrorCode>(["timeout", "connection", "dns"]);

const accept: Record<SourceKindCode, string> = {
  rss: "application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
  atom: "application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
  json_feed: "application/feed+json, application/json;q=0.9, */*;q=0.5",
  html_list: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
};

/** Fetches a source (under the one safety rule) and parses what it lists. Never throws for the source's own faults. */
export async function readSource(
  source: SourceConfig,
  options: { etag?: string | null; lastModified?: string | null; fetch?: SafeFetchOptions } = {},
): Promise<SourceReading> {
  try {
    const page = await safeFetch(source.url, {
      ...options.fetch,
      etag: options.etag,
      lastModified: options.lastModified,
      accept: accept[source.kind],
    });
    if (page.notModified) return { ok: true, notModified: true, etag: page.etag, lastModified: page.lastModified };
    let entries: ParsedEntry[];
    let diagnosis: HtmlListResult["diagnosis"] = null;
    if (source.kind === "html_list") {
      const result = parseHtmlList(page.text, page.url, {
        linkSelector: source.linkSelector ?? "a",
        titleSelector: source.titleSelector,
        dateSelector: source.dateSelector,
      });
      entries = result.entries;
      diagnosis = result.diagnosis;
    } else {
      // Feeds often say one thing and are another (Atom behind a ".rss" link): sniff the text.
      entries = parseFeed(page.text, page.url);
    }
    return {
      ok: true,
      notModified: false,
      entries: entries.slice(0, MAX_ENTRIES_PER_READING),
      diagnosis,
      charset: page.charset,
      text: page.text,
      finalUrl: page.url,
      status: page.status,
      etag: page.etag,
      lastModified: page.lastModified,
    };
  } catch (error) {
    if (error instanceof FetchError) {
      const transient = transientCodes.has(error.code) || (error.code === "http_status" && (error.status ?? 0) >= 500);
      return { ok: false, error: error.code, status: error.status ?? null, detail: error.message, transient };
    }
    if (error instanceof ParseError) return { ok: false, error: error.code, status: null, detail: error.detail ?? null, transient: false };
    throw error;
  }
}
