import * as cheerio from "cheerio";
import type { Cheerio, CheerioAPI } from "cheerio";
import { canonicalUrl } from "./canonical-url";
import { collapseWhitespace, ParseError, resolveHttpUrl, type ParsedEntry } from "./feeds";
import { parseChineseDate } from "./policy-page";

/** CSS selectors that pick the entries out of a list page; title and date are looked up inside each entry's list item. */
export type HtmlListSelectors = { linkSelector: string; titleSelector?: string | null; dateSelector?: string | null };

/** Entries found, or (when none) why not, for the UI to explain. */
export type HtmlListResult = {
  entries: ParsedEntry[];
  diagnosis: null | { code: "selector_matched_nothing" | "matched_without_links" | "page_built_by_script"; matched: number; scripts: number };
};

/** Any parsed node (domhandler's AnyNode), named through cheerio's own exports. */
type DomNode = Parameters<typeof cheerio.contains>[0];
type Selection = Cheerio<DomNode>;

/** Runs a user-supplied selector; css-select throws on bad syntax, which becomes `invalid_selector`. */
function select($: CheerioAPI, selector: string, within?: Selection): Selection {
  if (!selector.trim()) throw new ParseError("invalid_selector", "empty selector");
  try {
    return within ? within.find(selector) : $(selector);
  } catch (error) {
    throw new ParseError("invalid_selector", `${selector}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The page's effective base URL: a `<base href>` (itself relative to the page) wins over the page URL. */
function baseOf($: CheerioAPI, pageUrl: string): string {
  const href = $("base[href]").first().attr("href");
  if (!href) return pageUrl;
  try {
    return new URL(href.trim(), pageUrl).href;
  } catch {
    return pageUrl;
  }
}

/** Usable target of an `<a>`: http(s) only; `javascript:`, `mailto:` and bare `#` links are not entries. */
function linkUrl(href: string | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith("#") || /^(?:javascript|mailto|tel|data):/i.test(trimmed)) return null;
  return resolveHttpUrl(trimmed, base);
}

/** The list item holding a link: closest li/tr that holds no other matched link, else the link's parent. */
function itemOf(link: Selection, matchedLinks: Set<unknown>): Selection {
  const row = link.closest("li, tr");
  if (row.length) {
    const others = row.find("a").toArray().filter((a) => a !== link.get(0) && matchedLinks.has(a));
    if (others.length === 0) return row;
  }
  const parent = link.parent();
  return parent.length ? parent : link;
}

/** A Date at 00:00 China time (+08:00) for the first date written in `text`. */
function chinaMidnight(text: string): Date | null {
  const iso = parseChineseDate(text);
  return iso ? new Date(`${iso}T00:00:00+08:00`) : null;
}

function titleOf($: CheerioAPI, link: Selection, item: Selection, titleSelector: string | null | undefined): string {
  if (titleSelector) {
    const found = select($, titleSelector, item).first();
    const text = collapseWhitespace(found.attr("title") && !found.text().trim() ? found.attr("title") ?? "" : found.text());
    if (text) return text;
  }
  const text = collapseWhitespace(link.text());
  const attrTitle = collapseWhitespace(link.attr("title") ?? "");
  // Lists cut long titles ("关于…的通…") and keep the full one in the title attribute.
  if (text && attrTitle && /(?:\.\.\.|…)$/.test(text) && attrTitle.startsWith(text.replace(/(?:\.\.\.|…)+$/, ""))) return attrTitle;
  return text || attrTitle;
}

function dateOf($: CheerioAPI, item: Selection, dateSelector: string | null | undefined): Date | null {
  if (dateSelector) {
    const found = select($, dateSelector, item).first();
    const date = chinaMidnight(found.text()) ?? chinaMidnight(found.attr("datetime") ?? "");
    if (date) return date;
  }
  // Prefer a date outside the link (the usual <span class="date">), then one inside it.
  const outside = item.clone();
  outside.find("a").remove();
  return chinaMidnight(outside.text()) ?? chinaMidnight(item.text());
}

/** True when the page looks like a script-rendered app shell rather than server-rendered HTML. */
function builtByScript($: CheerioAPI, scripts: number): boolean {
  if (scripts === 0) return false;
  const body = $("body").clone();
  body.find("script, style, noscript, template").remove();
  const text = collapseWhitespace(body.text());
  const emptyRoot = $("#app, #root, #__next, #__nuxt, [data-reactroot], [ng-app]")
    .toArray()
    .some((el) => collapseWhitespace($(el).text()) === "" && $(el).children().length === 0);
  return emptyRoot || text.length < 200;
}

/** Reads a list page (e.g. a ministry's news list) with the user's selectors; when nothing is usable, says why. */
export function parseHtmlList(html: string, baseUrl: string, selectors: HtmlListSelectors): HtmlListResult {
  const $ = cheerio.load(html);
  const base = baseOf($, baseUrl);
  const matched = select($, selectors.linkSelector);
  // Validate optional selectors up front so a bad one fails even when no item would use it.
  if (selectors.titleSelector) select($, selectors.titleSelector);
  if (selectors.dateSelector) select($, selectors.dateSelector);

  const links = matched
    .toArray()
    .map((el) => {
      const $el = $(el);
      return $el.is("a") ? $el : $el.find("a[href]").first();
    })
    .filter((link) => link.length > 0);
  const linkSet = new Set<unknown>(links.map((link) => link.get(0)));

  const seen = new Set<string>();
  const entries: ParsedEntry[] = [];
  for (const link of links) {
    const url = linkUrl(link.attr("href"), base);
    if (!url) continue;
    const key = canonicalUrl(url);
    if (seen.has(key)) continue;
    const item = itemOf(link, linkSet);
    const title = titleOf($, link, item, selectors.titleSelector);
    // An icon link without text usually repeats a text link to the same page; skip it, keep the URL unseen.
    if (!title) continue;
    seen.add(key);
    entries.push({ title, url, publishedAt: dateOf($, item, selectors.dateSelector) });
  }

  if (entries.length > 0) return { entries, diagnosis: null };
  const scripts = $("script").length;
  const count = matched.length;
  if (count > 0) return { entries, diagnosis: { code: "matched_without_links", matched: count, scripts } };
  return { entries, diagnosis: { code: builtByScript($, scripts) ? "page_built_by_script" : "selector_matched_nothing", matched: 0, scripts } };
}

// ---------------------------------------------------------------------------
// Selector suggestions
// ---------------------------------------------------------------------------

/** A class usable in a selector without escaping (and not a state class like "active"). */
function plainClass(el: Selection): string | null {
  const classes = (el.attr("class") ?? "").split(/\s+/).filter((c) => /^[A-Za-z_][\w-]*$/.test(c) && !/^(?:on|active|current|selected|first|last|clearfix|fl|fr)$/i.test(c));
  return classes[0] ?? null;
}

function part(el: Selection): string {
  const tag = (el.get(0) as { name?: string } | undefined)?.name?.toLowerCase() ?? "";
  const id = el.attr("id");
  if (id && /^[A-Za-z_][\w-]*$/.test(id)) return `${tag}#${id}`;
  const cls = plainClass(el);
  return cls ? `${tag}.${cls}` : tag;
}

/** A selector for the group a link belongs to: "container item a", e.g. "ul.list li a" or "table.list td a". */
function groupSelector(link: Selection): string | null {
  const item = link.parent();
  if (!item.length || item.is("body, html")) return null;
  let container = item.parent();
  // Climb (at most 3 levels) to an ancestor with an id or class that names the list.
  for (let depth = 0; depth < 3 && container.length && !container.is("body, html"); depth++) {
    if (part(container).match(/[#.]/)) break;
    container = container.parent();
  }
  const containerPart = container.length && !container.is("body, html") ? part(container) : "";
  const itemPart = part(item);
  return [containerPart, itemPart, "a"].filter(Boolean).join(" ");
}

/** Up to 5 selectors matching repeated groups of links (e.g. "ul.list li a"), best first, with a few sample titles. */
export function findCandidateSelectors(html: string, baseUrl: string): { selector: string; count: number; sample: string[] }[] {
  const $ = cheerio.load(html);
  const base = baseOf($, baseUrl);
  const groups = new Map<string, { count: number; textLength: number }>();
  $("a[href]").each((_, el) => {
    const link = $(el);
    const text = collapseWhitespace(link.text() || link.attr("title") || "");
    if (!text || !linkUrl(link.attr("href"), base)) return;
    const selector = groupSelector(link);
    if (!selector) return;
    const group = groups.get(selector) ?? { count: 0, textLength: 0 };
    group.count += 1;
    group.textLength += text.length;
    groups.set(selector, group);
  });
  return (
    [...groups.entries()]
      .filter(([, group]) => group.count >= 3)
      // Policy lists have many long titles; menus have short labels. Rank by total title length.
      .sort((a, b) => b[1].textLength - a[1].textLength)
      .slice(0, 5)
      .map(([selector]) => {
        const found = $(selector);
        const sample = found
          .toArray()
          .map((el) => collapseWhitespace($(el).text() || $(el).attr("title") || ""))
          .filter(Boolean)
          .slice(0, 3);
        return { selector, count: found.length, sample };
      })
  );
}
