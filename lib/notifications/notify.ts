import { and, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { notifications, users } from "../../db/schema";
import { notificationsChanged, publish } from "../live/publish";
import { enqueueMail } from "../mail/enqueue";
import { notificationMail } from "../mail/notification-mail";
import type { NotificationKind } from "../vocab";
import { deliveryOf } from "./preferences";

export type NotificationEvent = {
  kind: NotificationKind;
  /** Who should hear of it; the actor, deactivated users and users who turned the kind off are skipped. */
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
 * its own transaction. Each recipient's preference for the kind decides: nothing (off), the inbox
 * only, the inbox and a mail queued in this same transaction (sent after commit), or the inbox
 * and the next digest. Returns the ids of users actually notified; their open pages are told live.
 */
export async function notify(tx: Executor, event: NotificationEvent): Promise<string[]> {
  const candidates = [...new Set(event.userIds.filter((id): id is string => Boolean(id) && id !== event.actorId))];
  if (candidates.length === 0) return [];
  const recipients = await tx
    .select({ id: users.id, email: users.email, locale: users.locale, delivery: users.notificationDelivery })
    .from(users)
    .where(and(inArray(users.id, candidates), isNull(users.deactivatedAt)));
  const wanted = recipients.filter((u) => deliveryOf(u.delivery, event.kind) !== "off");
  if (wanted.length === 0) return [];
  const inserted = await tx
    .insert(notifications)
    .values(
      wanted.map((u) => ({
        userId: u.id,
        kind: event.kind,
        entityType: event.entityType,
        entityId: event.entityId,
        actorId: event.actorId,
        eventKey: event.eventKey,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });
  for (const row of inserted) {
    // Each recipient's open pages hear of it on commit (their unread count changes).
    await publish(tx, notificationsChanged(row.userId));
    const user = wanted.find((u) => u.id === row.userId);
    if (!user || deliveryOf(user.delivery, event.kind) !== "email") continue;
    await enqueueMail(tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      kind: event.kind,
      content: await notificationMail(tx, event, user.locale),
      unsubscribable: true,
      dedupeKey: `notification:${row.id}`,
    });
  }
  return inserted.map((row) => row.userId);
}
