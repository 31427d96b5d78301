import { type SQL, and, asc, desc, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { policies } from "../../db/schema";
import { FIELD_SEPARATOR, SECTION_SEPARATOR, normaliseSearchText } from "../search/normalise";
import type { SearchQuery } from "../search/query";

/**
 * How well a policy matches a search, for ORDER BY (smaller first): 0 when one of its titles is
 * the whole query, 1 when every term is in its titles, 2 when the summary or document number was
 * needed. Read from the title section of the stored search text (SECTION_SEPARATOR), so it
 * compares normalised text as the search itself does.
 */
export function titleRank(query: SearchQuery): SQL | undefined {
  if (!query.include.length) return undefined;
  const titles = sql`split_part(${policies.searchText}, ${SECTION_SEPARATOR}, 1)`;
  const whole = normaliseSearchText(query.include.map((t) => t.forms[0]).join(" "));
  const wholeTitle = sql`strpos(${FIELD_SEPARATOR} || ${titles} || ${FIELD_SEPARATOR}, ${FIELD_SEPARATOR + whole + FIELD_SEPARATOR}) > 0`;
  const inTitles = and(...query.include.map((term) => or(...term.forms.map((form) => sql`strpos(${titles}, ${form}) > 0`))));
  return sql`case when ${wholeTitle} then 0 when ${inTitles} then 1 else 2 end`;
}

/** Newest first: announced (undated last), then logged; the title and id keep pages stable. */
export const newestFirst = (): SQL[] => [sql`${policies.announcedOn} desc nulls last`, desc(policies.createdAt), asc(policies.titleKo), asc(policies.id)];

/**
 * Ranking looks at the newest this many matches (as many as a list counts): finding them walks the
 * newest-first index, and only they are ranked, so a common word ("표준", a third of the policies)
 * costs the same at any size. Older matches follow, newest first.
 */
export const RANK_WINDOW = 1000;

/** The condition "among the newest RANK_WINDOW policies matching `where`". */
export function inRankWindow(tx: Executor, where: SQL | undefined): SQL {
  return inArray(policies.id, tx.select({ id: policies.id }).from(policies).where(where).orderBy(...newestFirst()).limit(RANK_WINDOW));
}
