import { and, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { notifications, users } from "../../db/schema";
import { notificationsChanged, publish } from "../live/publish";
import type { NotificationKind } from "../vocab";

export type NotificationEvent = {
  kind: NotificationKind;
  /** Who should hear of it; the actor, deactivated users and users who muted the kind are skipped. */
  userIds: readonly (string | null | undefined)[];
  actorId: string | null;
  entityType: string;
  entityId: string;
  /**
   * The event's identity (e.g. `comment:<id>`): one notification per user, kind and event, so a
   * retried write or an edit that re-mentions someone never notifies twice.
   */
  eventKey: string;
};

/**
 * THE way the application notifies people: every verb that should tell someone calls this, in
 * its own transaction. Returns the ids of users actually notified; their open pages are told live.
 */
export async function notify(tx: Executor, event: NotificationEvent): Promise<string[]> {
  const candidates = [...new Set(event.userIds.filter((id): id is string => Boolean(id) && id !== event.actorId))];
  if (candidates.length === 0) return [];
  const recipients = await tx
    .select({ id: users.id, muted: users.mutedNotificationKinds })
    .from(users)
    .where(and(inArray(users.id, candidates), isNull(users.deactivatedAt)));
  const userIds = recipients.filter((u) => !u.muted.includes(event.kind)).map((u) => u.id);
  if (userIds.length === 0) return [];
  const inserted = await tx
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        kind: event.kind,
        entityType: event.entityType,
        entityId: event.entityId,
        actorId: event.actorId,
        eventKey: event.eventKey,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.userId });
  // Each recipient's open pages hear of it on commit (their unread count changes).
  for (const row of inserted) await publish(tx, notificationsChanged(row.userId));
  return inserted.map((row) => row.userId);
}
