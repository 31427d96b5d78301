import "server-only";
import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import { db } from "../../db/client";
import { notifications, users } from "../../db/schema";
import type { NotificationKind } from "../vocab";

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  entityType: string;
  entityId: string;
  eventKey: string;
  actorName: string | null;
  readAt: Date | null;
  createdAt: Date;
};

export const INBOX_PAGE_SIZE = 50;

/** `userId`'s notifications, newest first; `before` (a createdAt) pages further back. */
export async function listNotifications(userId: string, options: { limit?: number; before?: Date } = {}): Promise<NotificationRow[]> {
  return db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      entityType: notifications.entityType,
      entityId: notifications.entityId,
      eventKey: notifications.eventKey,
      actorName: users.displayName,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(eq(notifications.userId, userId), options.before ? lt(notifications.createdAt, options.before) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? INBOX_PAGE_SIZE);
}

/** How many of `userId`'s notifications are unread (the navigation's badge). */
export async function countUnread(userId: string): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The kinds `userId` has muted. */
export async function getMutedKinds(userId: string): Promise<NotificationKind[]> {
  const [row] = await db().select({ muted: users.mutedNotificationKinds }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.muted ?? [];
}
