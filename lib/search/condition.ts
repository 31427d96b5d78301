import { type SQL, and, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { bigramsOf } from "./normalise";
import { type SearchQuery, type SearchTerm, parseSearchQuery } from "./query";

/** The derived search columns of a searchable table (db/schema/common.ts searchColumns, or policies'). */
export type SearchColumns = { searchText: PgColumn; searchBigrams: PgColumn };

/** `%text%` for LIKE, with LIKE's own wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One term matched against the stored search text: its bigrams through the GIN index, then LIKE. */
export function termCondition(columns: SearchColumns, term: SearchTerm): SQL {
  const forms = term.forms.map((form) => {
    const recheck = sql`${columns.searchText} LIKE ${containsPattern(form)}`;
    const grams = bigramsOf(form);
    if (!grams.length) return recheck;
    const array = sql`ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`;
    return sql`(${columns.searchBigrams} @> ${array} and ${recheck})`;
  });
  return forms.length === 1 ? forms[0] : sql`(${sql.join(forms, sql` or `)})`;
}

/**
 * The condition for a parsed query on one table: every word or quoted phrase must be in the row's
 * normalised `search_text`, none of the `-excluded` ones. A term of two characters or more is
 * answered by the GIN index on `search_bigrams` (all its bigrams present), then LIKE rechecks the
 * substring; a single character is matched by the LIKE alone, and so are exclusions (a filter on
 * the rows the other terms found; alone, a scan).
 */
export function queryCondition(columns: SearchColumns, query: SearchQuery): SQL | undefined {
  if (!query.include.length && !query.exclude.length) return undefined;
  return and(...query.include.map((term) => termCondition(columns, term)), ...query.exclude.map((term) => sql`not ${termCondition(columns, term)}`));
}

/** queryCondition for the text of a search box (lib/search/query.ts). */
export function searchConditionOn(columns: SearchColumns, q: string): SQL | undefined {
  return queryCondition(columns, parseSearchQuery(q));
}
