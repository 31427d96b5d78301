import { type SQL, and, asc, desc, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { policies } from "../../db/schema";
import { type Selector, amongNewest } from "../search/newest";
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
 * Ranking looks at the newest this many matches (a list's first 10 pages); older matches follow,
 * newest first. Only they are ranked, so a common word ("표준", a third of the policies) costs the
 * same at any size.
 */
export const RANK_WINDOW = 250;

// The newest policies looked through first for the window: enough for any word in one policy of 4.
const RECENT = 4 * RANK_WINDOW;

/**
 * The ids of the newest RANK_WINDOW policies matching `where`. First among the newest RECENT
 * policies (a walk of the newest-first index, for common words: if the window fills there, no
 * older policy can be in it), else through the search's own index (a rarer word: few matches).
 * Two steps because the planner cannot tell a common word from a rare one (see amongNewest).
 */
export async function rankWindowIds(tx: Executor, where: SQL | undefined): Promise<string[]> {
  const [amongRecent, everywhere] = rankWindowQueries(tx, where);
  const recent = await amongRecent;
  const rows = recent.length === RANK_WINDOW ? recent : await everywhere;
  return rows.map((r) => r.id);
}

/** The two queries of rankWindowIds: among the RECENT newest policies, and among all (also for EXPLAIN). */
export function rankWindowQueries(tx: Executor, where: SQL | undefined) {
  const window = (from: Selector) => from.select({ id: policies.id }).from(policies).where(where).orderBy(...newestFirst()).limit(RANK_WINDOW);
  return [window(amongNewest(tx, policies, newestFirst(), RECENT)), window(tx)] as const;
}
