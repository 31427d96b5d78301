import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { LIVE_CHANNEL, type LiveEvent } from "./events";

/**
 * Announces a change to every app process (and through them, every open page). Call it with the
 * write's own transaction: Postgres delivers NOTIFY on commit, and never for a rolled-back write.
 * Identical events in one transaction are delivered once.
 */
export async function publish(tx: Executor, event: LiveEvent): Promise<void> {
  const payload = JSON.stringify({
    entityType: event.entityType,
    entityId: event.entityId,
    kind: event.kind,
    ...(event.onlyFor ? { onlyFor: event.onlyFor } : {}),
  });
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
}

/** The event that tells `userId`'s pages their notifications changed (unread count). */
export function notificationsChanged(userId: string): LiveEvent {
  return { entityType: "user", entityId: userId, kind: "notifications" };
}
