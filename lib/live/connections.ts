import { and, count, eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { liveConnections } from "../../db/schema";

/**
 * Claims one of a user's live-stream slots, across every app process: null when `cap` streams of
 * theirs are open already. Rows whose stream stopped heartbeating (a process that died) no longer
 * count. A per-user advisory lock keeps two processes from both taking the last slot.
 */
export async function claimLiveConnection(userId: string, sessionId: string, { cap, heartbeatMs }: { cap: number; heartbeatMs: number }): Promise<string | null> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`live:${userId}`}))`);
    await tx
      .delete(liveConnections)
      .where(and(eq(liveConnections.userId, userId), sql`${liveConnections.seenAt} < now() - make_interval(secs => ${liveConnections.staleAfterMs} / 1000.0)`));
    const [open] = await tx.select({ n: count() }).from(liveConnections).where(eq(liveConnections.userId, userId));
    if (open.n >= cap) return null;
    const [row] = await tx
      .insert(liveConnections)
      .values({ userId, sessionId, staleAfterMs: heartbeatMs * 3 })
      .returning({ id: liveConnections.id });
    return row.id;
  });
}

/** A heartbeat: the stream is still open. */
export async function keepLiveConnection(id: string): Promise<void> {
  await db().update(liveConnections).set({ seenAt: sql`now()` }).where(eq(liveConnections.id, id));
}

/** The stream closed: its slot is free at once. */
export async function releaseLiveConnection(id: string): Promise<void> {
  await db().delete(liveConnections).where(eq(liveConnections.id, id));
}
