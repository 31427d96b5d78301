import { type SQL, and, asc, count, desc, eq, exists, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { policies, policyFrameworkNodes, policyIssuingBodies } from "../../db/schema";
import type { DatePrecision } from "../format";
import type { NodeChip } from "../framework/queries";
import type { BriefRelation, InstrumentType, PolicyStatus, Priority } from "../vocab";
import { PAGE_SIZE, type PolicyFilters, type PolicySort } from "./filters";
import { searchConditionOn } from "../search/condition";
import { parseSearchQuery } from "../search/query";
import { RANK_WINDOW, newestFirst, rankWindowIds, titleRank } from "./search-rank";

// No "server-only" here: the import/export CLI and the benchmark run these queries too.

/** The search condition for `q` on policies (lib/search/condition.ts, the query language of lib/search/query.ts). */
export function searchCondition(q: string): SQL | undefined {
  return searchConditionOn(policies, q);
}

/** The WHERE clause of a filtered view; deleted policies only when asked (admins). */
export function filterCondition(f: PolicyFilters, options: { deleted?: boolean } = {}): SQL | undefined {
  return and(
    options.deleted ? isNotNull(policies.deletedAt) : isNull(policies.deletedAt),
    searchCondition(f.q),
    f.node
      ? exists(sql`(select 1 from ${policyFrameworkNodes} where ${policyFrameworkNodes.policyId} = ${policies.id} and ${policyFrameworkNodes.nodeId} = ${f.node})`)
      : undefined,
    f.body
      ? exists(sql`(select 1 from ${policyIssuingBodies} where ${policyIssuingBodies.policyId} = ${policies.id} and ${policyIssuingBodies.issuingBodyId} = ${f.body})`)
      : undefined,
    f.type ? eq(policies.instrumentType, f.type) : undefined,
    f.status ? eq(policies.status, f.status) : undefined,
    f.relation ? eq(policies.relation, f.relation) : undefined,
    f.significance ? eq(policies.significance, f.significance) : undefined,
    f.from ? gte(policies.announcedOn, f.from) : undefined,
    f.to ? lte(policies.announcedOn, f.to) : undefined,
  );
}

const significanceRank = sql`case ${policies.significance} when 'high' then 0 when 'medium' then 1 else 2 end`;

/**
 * ORDER BY of a sort, ending in the Korean title and then the id, so pages never overlap and
 * policies logged in one transaction (an import) still come out in a stable, meaningful order.
 */
export function sortOrder(sort: PolicySort, q = ""): SQL[] {
  switch (sort) {
    case "announced_asc":
      return [sql`${policies.announcedOn} asc nulls last`, asc(policies.createdAt), asc(policies.titleKo), asc(policies.id)];
    case "title_asc":
      return [asc(policies.titleKo), asc(policies.id)];
    case "updated_desc":
      return [desc(policies.updatedAt), asc(policies.titleKo), asc(policies.id)];
    case "significance":
      return [significanceRank, sql`${policies.announcedOn} desc nulls last`, asc(policies.titleKo), asc(policies.id)];
    default: {
      // A search in the default order ranks title matches first (search-rank.ts), then newest first.
      const rank = q ? titleRank(parseSearchQuery(q)) : undefined;
      return rank ? [rank, ...newestFirst()] : newestFirst();
    }
  }
}

export type PolicyListRow = {
  id: string;
  titleKo: string;
  titleZh: string | null;
  instrumentType: InstrumentType;
  status: PolicyStatus;
  significance: Priority;
  relation: BriefRelation | null;
  announcedOn: string | null;
  announcedPrecision: DatePrecision;
  deletedAt: Date | null;
  nodes: NodeChip[];
};

const listColumns = {
  id: policies.id,
  titleKo: policies.titleKo,
  titleZh: policies.titleZh,
  instrumentType: policies.instrumentType,
  status: policies.status,
  significance: policies.significance,
  relation: policies.relation,
  announcedOn: policies.announcedOn,
  announcedPrecision: policies.announcedPrecision,
  deletedAt: policies.deletedAt,
};

/**
 * Counting stops here: a broad search ("표준") can match a third of a large table, and counting
 * every match costs more than the page itself. Past it the screen says "1,000 or more".
 */
export const COUNT_CAP = 1000;

/** One page of a filtered view, with the total count (capped at COUNT_CAP + 1: see `capped`). */
export async function listPolicyPage(
  tx: Executor,
  f: PolicyFilters,
  options: { deleted?: boolean; withNodes?: (ids: string[]) => Promise<Map<string, NodeChip[]>> } = {},
) {
  const where = filterCondition(f, options);
  const offset = (f.page - 1) * PAGE_SIZE;
  // A ranked search orders only the newest RANK_WINDOW matches (its pages); later pages go on newest first.
  const ranked = Boolean(f.q) && f.sort === "announced_desc" && offset < RANK_WINDOW;
  const window = ranked ? await rankWindowIds(tx, where) : null;
  const [[{ total }], rows] = await Promise.all([
    tx
      .select({ total: count() })
      .from(tx.select({ one: sql`1` }).from(policies).where(where).limit(COUNT_CAP + 1).as("matches")),
    tx
      .select(listColumns)
      .from(policies)
      .where(window ? inArray(policies.id, window) : where)
      .orderBy(...sortOrder(f.sort, ranked ? f.q : ""))
      .limit(PAGE_SIZE)
      .offset(offset),
  ]);
  const nodes = options.withNodes ? await options.withNodes(rows.map((r) => r.id)) : new Map<string, NodeChip[]>();
  const capped = Number(total) > COUNT_CAP;
  const counted = Math.min(Number(total), COUNT_CAP);
  // Beyond the counted matches there may be more pages: keep "next" available while this page is full.
  const pages = Math.max(1, Math.ceil(counted / PAGE_SIZE), capped && rows.length === PAGE_SIZE ? f.page + 1 : 0);
  return { rows: rows.map((r) => ({ ...r, nodes: nodes.get(r.id) ?? [] })) as PolicyListRow[], total: counted, capped, pages };
}

/** Up to `limit` rows of a filtered view in announcement order, for the timeline. */
export async function listPolicyTimeline(
  tx: Executor,
  f: PolicyFilters,
  limit: number,
  withNodes: (ids: string[]) => Promise<Map<string, NodeChip[]>>,
) {
  const rows = await tx
    .select(listColumns)
    .from(policies)
    .where(filterCondition(f))
    .orderBy(sql`${policies.announcedOn} asc nulls last`, asc(policies.createdAt), asc(policies.id))
    .limit(limit + 1);
  const nodes = await withNodes(rows.slice(0, limit).map((r) => r.id));
  return {
    rows: rows.slice(0, limit).map((r) => ({ ...r, nodes: nodes.get(r.id) ?? [] })) as PolicyListRow[],
    capped: rows.length > limit,
  };
}
