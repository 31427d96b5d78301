import { type SQL, type SQLWrapper, and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { annotations, comments, frameworkNodes, intakeEntries, policies, responseItems } from "../../db/schema";
import { entityHref } from "../entity-href";
import { newestFirst, rankWindowIds, rankWindowQueries, titleRank } from "../policies/search-rank";
import { queryCondition } from "./condition";
import { type Selector, amongNewest } from "./newest";
import { type Segment, highlight, snippet } from "./highlight";
import { type SearchQuery, parseSearchQuery } from "./query";

/** What the one search box looks through, in the order its groups are shown. */
export const searchKinds = ["policy", "response_item", "annotation", "comment", "framework_node", "intake_entry"] as const;
export type SearchKind = (typeof searchKinds)[number];

/** Hits per kind: in the header's dialog, and on /search (which links to each kind's own list for more). */
export const DIALOG_LIMIT = 5;
export const PAGE_LIMIT = 20;

/** One record found: where it leads, and its text with the matched terms marked. */
export type SearchHit = { id: string; href: string; title: Segment[]; detail: Segment[] | null };
/** The hits of one kind; `more` when the cap left some out (never how many: see globalSearch). */
export type SearchGroup = { kind: SearchKind; hits: SearchHit[]; more: boolean };

/** A note the viewer may read: shared ones, and their own private ones; never deleted ones. */
function annotationVisibleTo(viewerId: string): SQL {
  return and(isNull(annotations.deletedAt), or(eq(annotations.isPrivate, false), eq(annotations.authorId, viewerId)))!;
}

/** A live comment on something the viewer may read (a reply to someone else's private note is not). */
function commentVisibleTo(viewerId: string): SQL {
  return and(
    isNull(comments.deletedAt),
    or(
      and(
        eq(comments.targetType, "annotation"),
        sql`exists (select 1 from ${annotations} where ${annotations.id} = ${comments.targetId} and ${annotationVisibleTo(viewerId)})`,
      ),
      and(
        eq(comments.targetType, "policy"),
        sql`exists (select 1 from ${policies} where ${policies.id} = ${comments.targetId} and ${policies.deletedAt} is null)`,
      ),
      eq(comments.targetType, "response_item"),
    ),
  )!;
}

/**
 * How one kind is searched: its query (visibility in the WHERE clause, newest or best first, within
 * `scope` when given) and its hits. `recent` limits a first try to the newest rows of a large table.
 */
type Kind<R> = {
  select: (from: Selector, query: SearchQuery, viewerId: string, limit: number, scope?: SQL) => PromiseLike<R[]> & SQLWrapper;
  hit: (row: R, query: SearchQuery) => SearchHit;
  recent?: (tx: Executor) => Selector;
};
const kind = <R>(k: Kind<R>) => k as Kind<unknown>;

// A first try looks through this many newest rows: a word in one row of 100 fills a page there.
const RECENT = 2000;

/** The RECENT newest rows of a table listed by `createdAt` desc, `id` (see amongNewest). */
const recentOf = (table: typeof comments | typeof annotations) => (tx: Executor) => amongNewest(tx, table, [desc(table.createdAt), asc(table.id)], RECENT);

const kinds: Record<SearchKind, Kind<unknown>> = {
  policy: kind({
    // `scope`: the rank window, found first (see lib/policies/search-rank.ts).
    select: (from, query, _viewer, limit, scope) =>
      from
        .select({ id: policies.id, titleKo: policies.titleKo, titleZh: policies.titleZh })
        .from(policies)
        .where(scope ?? policyMatches(query))
        .orderBy(...[titleRank(query), ...newestFirst()].filter((o): o is SQL => Boolean(o)))
        .limit(limit),
    hit: (r, query) => ({
      id: r.id,
      href: `/policies/${r.id}`,
      title: highlight(r.titleKo, query),
      detail: r.titleZh ? highlight(r.titleZh, query) : null,
    }),
  }),
  response_item: kind({
    select: (from, query, _viewer, limit) =>
      from
        .select({ id: responseItems.id, number: responseItems.number, title: responseItems.title, descriptionText: responseItems.descriptionText })
        .from(responseItems)
        .where(queryCondition(responseItems, query))
        .orderBy(desc(responseItems.createdAt), responseItems.id)
        .limit(limit),
    hit: (r, query) => ({
      id: r.id,
      href: `/response-items/${r.id}`,
      title: [{ text: `#${r.number} `, match: false }, ...highlight(r.title, query)],
      detail: r.descriptionText ? snippet(r.descriptionText, query) : null,
    }),
  }),
  annotation: kind({
    recent: recentOf(annotations),
    select: (from, query, viewerId, limit) =>
      from
        .select({ id: annotations.id, bodyText: annotations.bodyText, tags: annotations.tags, quote: sql<string>`${annotations.selector}->>'quote'` })
        .from(annotations)
        .where(and(annotationVisibleTo(viewerId), queryCondition(annotations, query)))
        .orderBy(desc(annotations.createdAt), annotations.id)
        .limit(limit),
    hit: (r, query) => ({
      id: r.id,
      href: entityHref("annotation", r.id) ?? "/brief",
      title: snippet(r.bodyText || r.tags.join(" "), query),
      detail: r.quote ? snippet(r.quote, query, 80) : null,
    }),
  }),
  comment: kind({
    recent: recentOf(comments),
    select: (from, query, viewerId, limit) =>
      from
        .select({ id: comments.id, targetType: comments.targetType, targetId: comments.targetId, bodyText: comments.bodyText })
        .from(comments)
        .where(and(commentVisibleTo(viewerId), queryCondition(comments, query)))
        .orderBy(desc(comments.createdAt), comments.id)
        .limit(limit),
    hit: (r, query) => ({
      id: r.id,
      href: entityHref(r.targetType, r.targetId, { commentId: r.id }) ?? "/",
      title: snippet(r.bodyText, query),
      detail: null,
    }),
  }),
  framework_node: kind({
    select: (from, query, _viewer, limit) =>
      from
        .select({ id: frameworkNodes.id, labelKo: frameworkNodes.labelKo, labelEn: frameworkNodes.labelEn })
        .from(frameworkNodes)
        .where(and(isNull(frameworkNodes.mergedIntoId), queryCondition(frameworkNodes, query)))
        .orderBy(frameworkNodes.position, frameworkNodes.id)
        .limit(limit),
    hit: (r, query) => ({ id: r.id, href: `/framework#node-${r.id}`, title: highlight(r.labelKo, query), detail: highlight(r.labelEn, query) }),
  }),
  intake_entry: kind({
    select: (from, query, _viewer, limit) =>
      from
        .select({ id: intakeEntries.id, title: intakeEntries.title, url: intakeEntries.url })
        .from(intakeEntries)
        .where(queryCondition(intakeEntries, query))
        .orderBy(desc(intakeEntries.firstSeenAt), intakeEntries.id)
        .limit(limit),
    hit: (r, query) => ({
      id: r.id,
      href: `/intake?${new URLSearchParams({ state: "all", q: r.title })}`,
      title: highlight(r.title, query),
      detail: [{ text: r.url, match: false }],
    }),
  }),
};

/** A live policy matching the query. */
const policyMatches = (query: SearchQuery) => and(isNull(policies.deletedAt), queryCondition(policies, query));

/**
 * The rows of one kind. A large table is first searched among its newest rows: when `limit` of
 * them match, they are the newest matches; else (a rare word, so few matches) the search's own
 * index answers. Two steps because the planner cannot tell a common word from a rare one (it takes
 * a word's bigrams as independent and expects far fewer rows than "인공지능" has).
 */
async function rowsOf(tx: Executor, k: SearchKind, query: SearchQuery, viewerId: string, limit: number): Promise<unknown[]> {
  const { select, recent } = kinds[k];
  if (k === "policy") return select(tx, query, viewerId, limit, inArray(policies.id, await rankWindowIds(tx, policyMatches(query))));
  if (!recent) return select(tx, query, viewerId, limit);
  const first = await select(recent(tx), query, viewerId, limit);
  return first.length === limit ? first : select(tx, query, viewerId, limit);
}

/**
 * Searches everything the viewer may read for `q` (the query language of lib/search/query.ts),
 * at most `limit` hits per kind, each kind through its own bigram index. Groups without hits are
 * left out. Visibility is part of each query's WHERE clause, so what the viewer may not see is
 * never counted either (`more` only says the cap was reached among visible rows).
 */
export async function globalSearch(tx: Executor, viewerId: string, q: string, limit: number): Promise<SearchGroup[]> {
  const query = parseSearchQuery(q);
  // Exclusions alone would list everything: a search needs something to look for.
  if (!query.include.length) return [];
  const found = await Promise.all(searchKinds.map(async (k) => (await rowsOf(tx, k, query, viewerId, limit + 1)).map((row) => kinds[k].hit(row, query))));
  return searchKinds
    .map((k, i) => ({ kind: k, hits: found[i].slice(0, limit), more: found[i].length > limit }))
    .filter((group) => group.hits.length > 0);
}

/**
 * EXPLAIN ANALYZE of the queries a search for `q` runs (the benchmark's evidence that each uses an
 * index): for policies the rank window's two steps and the ranked page, for comments and notes
 * the try among the newest rows and the search through the bigram index, for the rest their query.
 */
export async function explainGlobalSearch(tx: Executor, viewerId: string, q: string, limit: number): Promise<Record<string, string[]>> {
  const query = parseSearchQuery(q);
  const explain = async (statement: SQLWrapper) => {
    const result = (await tx.execute(sql`explain (analyze, costs off) ${statement}`)) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { "QUERY PLAN": string }[];
    return rows.map((r) => r["QUERY PLAN"]);
  };
  const plans: Record<string, string[]> = {};
  const [amongRecent, everywhere] = rankWindowQueries(tx, policyMatches(query));
  plans["policy: window among the newest"] = await explain(amongRecent);
  plans["policy: window everywhere"] = await explain(everywhere);
  plans["policy: ranked page"] = await explain(kinds.policy.select(tx, query, viewerId, limit + 1, inArray(policies.id, await rankWindowIds(tx, policyMatches(query)))));
  for (const k of searchKinds.filter((k) => k !== "policy")) {
    const { select, recent } = kinds[k];
    if (recent) plans[`${k}: among the newest`] = await explain(select(recent(tx), query, viewerId, limit + 1));
    plans[recent ? `${k}: everywhere` : k] = await explain(select(tx, query, viewerId, limit + 1));
  }
  return plans;
}
