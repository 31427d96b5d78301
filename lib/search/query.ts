import { compactSearchText, normaliseSearchText } from "./normalise";

/**
 * One term of a search: it matches a record whose normalised search text contains any of its
 * `forms` (a phrase with digits, such as a spaced document number, also in its compact form).
 */
export type SearchTerm = { forms: string[] };
export type SearchQuery = { include: SearchTerm[]; exclude: SearchTerm[] };

/** The longest search the one search box takes (a search is words, not a document). */
export const MAX_QUERY_LENGTH = 200;

// `-"a phrase"`, `"a phrase"`, `-word`, `word`; an unclosed quote runs to the end.
const TOKEN = /(-?)"([^"]*)"?|(\S+)/gu;

function termOf(text: string, phrase: boolean): SearchTerm | undefined {
  const normal = normaliseSearchText(text);
  if (!normal) return undefined;
  const forms = [normal];
  if (phrase && /\s/u.test(normal) && /\d/u.test(normal)) forms.push(compactSearchText(text));
  return { forms };
}

/**
 * The query language of every search box: words separated by spaces must all match (each as a
 * substring), `"a quoted phrase"` matches as written, `-word` or `-"a phrase"` excludes. Terms
 * are normalised as the stored text is (normaliseSearchText); a lone `-` is a word like any other.
 */
export function parseSearchQuery(q: string): SearchQuery {
  // NFKC first, so full-width quotes and spaces (＂, U+3000) count as their ASCII forms; curly quotes too.
  const text = q.normalize("NFKC").replace(/[“”„‟]/g, '"');
  const query: SearchQuery = { include: [], exclude: [] };
  for (const m of text.matchAll(TOKEN)) {
    let negated = m[1] === "-";
    let phrase = m[2] !== undefined;
    let body = phrase ? m[2] : m[3];
    if (!phrase && body.length > 1 && body.startsWith("-")) {
      negated = true;
      body = body.slice(1);
      phrase = false;
    }
    const term = termOf(body, phrase);
    if (term) (negated ? query.exclude : query.include).push(term);
  }
  return query;
}

/** True when a normalised search text satisfies the query (the same rule the SQL applies). */
export function matchesSearchQuery(document: string, query: SearchQuery): boolean {
  const has = (t: SearchTerm) => t.forms.some((f) => document.includes(f));
  return query.include.every(has) && !query.exclude.some(has);
}
