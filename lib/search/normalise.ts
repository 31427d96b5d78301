import * as OpenCC from "opencc-js/t2cn";

/**
 * The one normalisation of searchable text, applied alike to what is stored (the index and its
 * recheck) and to every query term — Postgres cannot run it, so it is computed on each write.
 */

// OpenCC's standard traditional → mainland simplified table, character by character ("t", not
// "tw"/"hk": Korean Hanja follow the standard forms, and regional phrase rewrites would surprise).
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

// Bracket and dash styles of document numbers (国发〔2017〕35号, GB 45438—2025), after NFKC has
// already turned full-width （）［］－ into their ASCII forms.
const OPENING = /[〔【〖［\[｛{]/g;
const CLOSING = /[〕】〗］\]｝}]/g;
const DASHES = /[‐‑‒–—―−﹣－]/g;
// Control characters (including the field separator below) can never be typed into a search.
const CONTROL = /\p{Cc}/gu;
// Whitespace next to a Hangul or Han character: Korean spacing is inconsistent (인공 지능 / 인공지능,
// AI 기본법 / AI기본법) and Chinese uses none, so it carries no meaning there. Only the space
// between two Latin words or numbers is kept ("ai act" is not "aiact").
const CJK_GAP = /(?<=[\p{Script=Hangul}\p{Script=Han}])\s+|\s+(?=[\p{Script=Hangul}\p{Script=Han}])/gu;

/** Separates the fields of a stored search text, so no match (and no bigram) spans two fields. */
export const FIELD_SEPARATOR = "\u001f";
/**
 * Separates the title fields of a stored search text from the rest (summary, document number):
 * what ranks title matches first reads the part before it (lib/policies/search-rank.ts).
 */
export const SECTION_SEPARATOR = "\u001e";

/**
 * Width (NFKC: ＡＩ → ai, full-width digits), case, traditional → simplified Chinese (國務院 →
 * 国务院), one bracket and dash style, whitespace collapsed and dropped next to Korean or Chinese
 * characters (인공 지능 → 인공지능, AI 기본법 → ai기본법).
 */
export function normaliseSearchText(text: string): string {
  return toSimplified(text.normalize("NFKC").toLowerCase())
    .replace(OPENING, "(")
    .replace(CLOSING, ")")
    .replace(DASHES, "-")
    .replace(CONTROL, " ")
    .replace(/\s+/gu, " ")
    .replace(CJK_GAP, "")
    .trim();
}

/** `text` normalised with every space removed: how a document number is compared (GB 45438-2025 = GB45438-2025). */
export function compactSearchText(text: string): string {
  return normaliseSearchText(text).replace(/\s/gu, "");
}

/**
 * The stored search text of a record: each field normalised, joined by FIELD_SEPARATOR. `compact`
 * fields (document numbers) are stored a second time without spaces when they have any.
 */
export function searchDocument(fields: (string | null | undefined)[], compact: (string | null | undefined)[] = []): string {
  const parts = fields.filter((f): f is string => Boolean(f)).map(normaliseSearchText);
  for (const value of compact) {
    if (!value) continue;
    const normal = normaliseSearchText(value);
    parts.push(normal);
    const squeezed = normal.replace(/\s/gu, "");
    if (squeezed !== normal) parts.push(squeezed);
  }
  return parts.filter(Boolean).join(FIELD_SEPARATOR);
}

/** A stored search text in two sections: the titles, then the other fields (see SECTION_SEPARATOR). */
export function titledSearchDocument(titles: (string | null | undefined)[], rest: (string | null | undefined)[], compact: (string | null | undefined)[] = []): string {
  return `${searchDocument(titles)}${SECTION_SEPARATOR}${searchDocument(rest, compact)}`;
}

/**
 * Character bigrams of already normalised text, for a GIN-indexed `text[]`: any term of two or
 * more characters is answered by the index (every bigram of the term must be present), then
 * rechecked with LIKE. Chinese and Korean have no spaces to split on, so words won't do.
 */
export function bigramsOf(normalised: string): string[] {
  const grams = new Set<string>();
  const chars = Array.from(normalised);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    if (!/[\s\u001e\u001f]/u.test(gram)) grams.add(gram);
  }
  return [...grams];
}
