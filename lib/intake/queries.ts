import "server-only";
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "../../db/client";
import { intakeEntries, policies, sourceSnapshots, sources } from "../../db/schema";
import type { EntryFilters } from "./filters";

export const ENTRIES_PAGE_SIZE = 50;
/** The navigation's badge counts up to this, then shows "999+". */
export const NEW_COUNT_CAP = 999;

const suggested = alias(policies, "suggested");

/** One page of the queue, newest first, with what each entry was decided as. */
export async function listEntries(filters: EntryFilters) {
  const where = and(
    filters.state === "all" ? undefined : eq(intakeEntries.state, filters.state),
    filters.sourceId ? eq(intakeEntries.sourceId, filters.sourceId) : undefined,
    filters.q ? ilike(intakeEntries.title, `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const rows = await db()
    .select({
      id: intakeEntries.id,
      title: intakeEntries.title,
      url: intakeEntries.url,
      publishedAt: intakeEntries.publishedAt,
      firstSeenAt: intakeEntries.firstSeenAt,
      state: intakeEntries.state,
      dismissReason: intakeEntries.dismissReason,
      sourceId: intakeEntries.sourceId,
      sourceName: sources.name,
      policyId: intakeEntries.policyId,
      policyTitle: policies.titleKo,
      suggestedId: suggested.id,
      suggestedTitle: suggested.titleKo,
    })
    .from(intakeEntries)
    .innerJoin(sources, eq(sources.id, intakeEntries.sourceId))
    .leftJoin(policies, eq(policies.id, intakeEntries.policyId))
    .leftJoin(suggested, and(eq(suggested.id, intakeEntries.suggestedPolicyId), isNull(suggested.deletedAt)))
    .where(where)
    .orderBy(desc(intakeEntries.firstSeenAt), desc(intakeEntries.id))
    .limit(ENTRIES_PAGE_SIZE + 1)
    .offset((filters.page - 1) * ENTRIES_PAGE_SIZE);
  return { rows: rows.slice(0, ENTRIES_PAGE_SIZE), hasMore: rows.length > ENTRIES_PAGE_SIZE };
}

/** New entries waiting for triage, counted up to the cap (the navigation's badge). */
export async function countNewEntries(): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(sql`(select 1 from ${intakeEntries} where ${intakeEntries.state} = 'new' limit ${NEW_COUNT_CAP + 1}) as capped`);
  return Number(row?.n ?? 0);
}

/** Every live source with its check outcome, by name. */
export async function listSources() {
  return db()
    .select({
      id: sources.id,
      name: sources.name,
      url: sources.url,
      kind: sources.kind,
      intervalMinutes: sources.intervalMinutes,
      enabled: sources.enabled,
      lastCheckedAt: sources.lastCheckedAt,
      lastSuccessAt: sources.lastSuccessAt,
      lastError: sources.lastError,
      lastErrorAt: sources.lastErrorAt,
      lastErrorDetail: sources.lastErrorDetail,
      entriesFound: sources.entriesFound,
      version: sources.version,
    })
    .from(sources)
    .where(isNull(sources.deletedAt))
    .orderBy(asc(sources.name));
}

/** Whether any source is watched (the queue's empty state differs). */
export async function hasSources(): Promise<boolean> {
  const [row] = await db().select({ id: sources.id }).from(sources).where(isNull(sources.deletedAt)).limit(1);
  return Boolean(row);
}

/** What the policy page shows of its source: the last check, the last text, and the text before it (for a diff). */
export async function sourceRecord(policyId: string) {
  const [lastCheck] = await db()
    .select({ fetchedAt: sourceSnapshots.fetchedAt, httpStatus: sourceSnapshots.httpStatus, error: sourceSnapshots.error })
    .from(sourceSnapshots)
    .where(eq(sourceSnapshots.policyId, policyId))
    .orderBy(desc(sourceSnapshots.fetchedAt))
    .limit(1);
  const texts = await db()
    .select({ fetchedAt: sourceSnapshots.fetchedAt, text: sourceSnapshots.text })
    .from(sourceSnapshots)
    .where(and(eq(sourceSnapshots.policyId, policyId), isNotNull(sourceSnapshots.text)))
    .orderBy(desc(sourceSnapshots.fetchedAt))
    .limit(2);
  return { lastCheck: lastCheck ?? null, latest: texts[0] ?? null, previous: texts[1] ?? null };
}

/** When the policy's source page was last seen changed and not yet reviewed (null: nothing to review). */
export async function sourceChangedAt(policyId: string): Promise<Date | null> {
  const [row] = await db().select({ at: policies.sourceChangedAt }).from(policies).where(eq(policies.id, policyId));
  return row?.at ?? null;
}

/** One live source by id, or null. */
export async function getSource(id: string) {
  const [row] = await db().select().from(sources).where(and(eq(sources.id, id), isNull(sources.deletedAt)));
  return row ?? null;
}
