import { type SQL, and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { policies, savedSearchAlerts, savedSearches, users } from "../../db/schema";
import { notify } from "../notifications/notify";
import { parsePolicyFilters } from "../policies/filters";
import { filterCondition } from "../policies/filtered-list";
import { savedSearchBatchKey, savedSearchMatchKey } from "./event-key";

/*
 * "Alert me" on a saved policies search. Every verb that writes policies (create, update, import,
 * restore) calls `alertNewMatches` in its own transaction, with the ids it wrote. The saved
 * searches' filters become the very WHERE clause of the policies list (`filterCondition`), tested
 * only against those ids: one statement per write (per 50 searches, per 1,000 policies), whatever
 * the size of the table.
 */

/** More policies than this starting to match one search in one write (an import): one alert for the batch. */
export const ALERT_BATCH_LIMIT = 10;
const SEARCHES_PER_STATEMENT = 50;
const IDS_PER_STATEMENT = 1000;

type AlertingSearch = { id: string; where: SQL; userIds: string[] };

/** `<saved search id>:<policy id>` for each match. */
export type MatchSet = Set<string>;
const matchKey = (searchId: string, policyId: string) => `${searchId}:${policyId}`;

/**
 * The saved policies searches someone wants alerts for, with who: the owner, or any member when
 * the search is shared (a private search alerts no one but its owner), active members only.
 */
async function alertingSearches(tx: Executor): Promise<AlertingSearch[]> {
  const rows = await tx
    .select({ id: savedSearches.id, query: savedSearches.query, userId: savedSearchAlerts.userId })
    .from(savedSearchAlerts)
    .innerJoin(savedSearches, eq(savedSearches.id, savedSearchAlerts.savedSearchId))
    .innerJoin(users, eq(users.id, savedSearchAlerts.userId))
    .where(
      and(
        eq(savedSearches.scope, "policies"),
        isNull(users.deactivatedAt),
        or(eq(savedSearches.shared, true), eq(savedSearches.ownerId, savedSearchAlerts.userId)),
      ),
    );
  const byId = new Map<string, AlertingSearch>();
  for (const row of rows) {
    const search = byId.get(row.id) ?? { id: row.id, where: filterCondition(parsePolicyFilters(new URLSearchParams(row.query))) ?? sql`true`, userIds: [] };
    search.userIds.push(row.userId);
    byId.set(row.id, search);
  }
  return [...byId.values()];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Which of `searches` each of `policyIds` matches now, and each policy's version. */
async function evaluate(tx: Executor, searches: AlertingSearch[], policyIds: string[]) {
  const matches: MatchSet = new Set();
  const versions = new Map<string, number>();
  for (const group of chunks(searches, SEARCHES_PER_STATEMENT)) {
    const columns = Object.fromEntries(group.map((search, i) => [`m${i}`, sql<boolean>`coalesce((${search.where}), false)`]));
    for (const ids of chunks(policyIds, IDS_PER_STATEMENT)) {
      const rows = (await tx
        .select({ id: policies.id, version: policies.version, ...columns })
        .from(policies)
        .where(inArray(policies.id, ids))) as ({ id: string; version: number } & Record<string, unknown>)[];
      for (const row of rows) {
        versions.set(row.id, row.version);
        group.forEach((search, i) => {
          if (row[`m${i}`] === true) matches.add(matchKey(search.id, row.id));
        });
      }
    }
  }
  return { matches, versions };
}

/** Which alerting saved searches `policyIds` match now: call before an update, to compare after it. */
export async function savedSearchMatches(tx: Executor, policyIds: string[]): Promise<MatchSet> {
  if (!policyIds.length) return new Set();
  const searches = await alertingSearches(tx);
  if (!searches.length) return new Set();
  return (await evaluate(tx, searches, policyIds)).matches;
}

/**
 * Notifies the members who asked for alerts on a saved search, for each policy of `policyIds`
 * that matches it now and did not before the write (`matchedBefore`; nothing for a new policy).
 * The author of the write hears nothing of it (notify skips the actor).
 */
export async function alertNewMatches(tx: Executor, write: { actorId: string | null; policyIds: string[]; matchedBefore?: MatchSet }) {
  if (!write.policyIds.length) return;
  const searches = await alertingSearches(tx);
  if (!searches.length) return;
  const { matches, versions } = await evaluate(tx, searches, write.policyIds);
  for (const search of searches) {
    const started = write.policyIds.filter((id) => matches.has(matchKey(search.id, id)) && !write.matchedBefore?.has(matchKey(search.id, id)));
    if (!started.length) continue;
    const base = { kind: "saved_search_match" as const, userIds: search.userIds, actorId: write.actorId };
    if (started.length > ALERT_BATCH_LIMIT) {
      await notify(tx, { ...base, entityType: "saved_search", entityId: search.id, eventKey: savedSearchBatchKey(search.id, started[0]) });
      continue;
    }
    for (const policyId of started) {
      await notify(tx, { ...base, entityType: "policy", entityId: policyId, eventKey: savedSearchMatchKey(search.id, policyId, versions.get(policyId) ?? 1) });
    }
  }
}
