import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Executor, db } from "../../db/client";
import { sources, users } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { publish } from "../live/publish";
import { notify } from "../notifications/notify";
import { type SourceReading, readSource } from "./read-source";
import { recordEntries } from "./record-entries";
import type { SafeFetchOptions } from "./safe-fetch";

export type CheckResult =
  | { outcome: "skipped" }
  | { outcome: "not_modified" }
  | { outcome: "checked"; found: number; created: number }
  | { outcome: "failed"; error: string; transient: boolean };

/** A failure worth retrying (timeout, refused connection, 5xx): thrown so the job runner retries with backoff. */
export class TransientSourceError extends Error {
  constructor(readonly code: string) {
    super(`source check failed: ${code}`);
    this.name = "TransientSourceError";
  }
}

/** A check that recorded no activity (nothing new, or a failure) still refreshes the screens showing the source. */
const sourceChecked = (sourceId: string) => ({ entityType: "source", entityId: sourceId, kind: "source.checked" });

/**
 * Checks one source now: reads it (a 304 when unchanged), stores the entries never seen before,
 * tells editors, and records the outcome on the source. Safe to run twice — an entry is stored
 * once whatever happens — so a check interrupted by a crash is simply run again.
 */
export async function checkSource(
  sourceId: string,
  options: { now?: () => Date; fetch?: SafeFetchOptions; includePaused?: boolean } = {},
): Promise<CheckResult> {
  const now = options.now ?? (() => new Date());
  const [source] = await db()
    .select()
    .from(sources)
    .where(and(eq(sources.id, sourceId), isNull(sources.deletedAt)));
  if (!source || (!source.enabled && !options.includePaused)) return { outcome: "skipped" };

  const reading: SourceReading = await readSource(source, { etag: source.etag, lastModified: source.lastModified, fetch: options.fetch });
  const at = now();
  if (!reading.ok) {
    await db()
      .update(sources)
      .set({ lastCheckedAt: at, lastErrorAt: at, lastError: reading.error, lastErrorDetail: reading.detail?.slice(0, 1000) ?? null })
      .where(eq(sources.id, sourceId));
    await publish(db(), sourceChecked(sourceId));
    return { outcome: "failed", error: reading.error, transient: reading.transient };
  }
  if (reading.notModified) {
    await db()
      .update(sources)
      .set({ lastCheckedAt: at, lastSuccessAt: at, lastError: null, lastErrorDetail: null })
      .where(eq(sources.id, sourceId));
    return { outcome: "not_modified" };
  }
  return db().transaction(async (tx) => {
    const created = await recordEntries(tx, sourceId, reading.entries, at);
    // An empty HTML list is a failure a person must see, not a quiet success.
    const empty = reading.entries.length === 0 ? (reading.diagnosis?.code ?? "no_links") : null;
    await tx
      .update(sources)
      .set({
        lastCheckedAt: at,
        lastSuccessAt: empty ? source.lastSuccessAt : at,
        lastError: empty,
        lastErrorDetail: null,
        lastErrorAt: empty ? at : source.lastErrorAt,
        etag: reading.etag,
        lastModified: reading.lastModified,
        entriesFound: sql`${sources.entriesFound} + ${created.length}`,
      })
      .where(eq(sources.id, sourceId));
    if (created.length > 0) {
      await recordActivity(tx, {
        actorId: null,
        action: "source.entries_found",
        entityType: "source",
        entityId: sourceId,
        after: { count: created.length, titles: created.slice(0, 5).map((e) => e.title) },
      });
      const triagers = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.role, ["admin", "editor"]), isNull(users.deactivatedAt)));
      // One "new intake entries" notification per person and hour, however many sources report.
      await notify(tx, {
        kind: "intake",
        userIds: triagers.map((u) => u.id),
        actorId: null,
        entityType: "intake",
        entityId: "queue",
        eventKey: `intake:${at.toISOString().slice(0, 13)}`,
      });
    }
    if (created.length === 0) await publish(tx, sourceChecked(sourceId));
    return { outcome: "checked" as const, found: reading.entries.length, created: created.length };
  });
}

/**
 * Claims the sources whose check is due, moving each one's next check a full interval ahead in
 * the same statement: however many processes sweep at once, each source is claimed by one.
 */
export async function claimDueSources(limit = 500, tx: Executor = db()): Promise<string[]> {
  const rows = await tx.execute<{ id: string }>(sql`
    update ${sources} set next_check_at = now() + make_interval(mins => ${sources.intervalMinutes})
    where ${sources.id} in (
      select id from ${sources}
      where ${sources.enabled} and ${sources.deletedAt} is null and ${sources.nextCheckAt} <= now()
      order by ${sources.nextCheckAt}
      limit ${limit}
      for update skip locked
    )
    returning ${sources.id} as id`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
}
