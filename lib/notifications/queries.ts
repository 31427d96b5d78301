import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { notifications, users } from "../../db/schema";
import type { NotificationKind } from "../vocab";

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  entityType: string;
  entityId: string;
  actorName: string | null;
  readAt: Date | null;
  createdAt: Date;
};

/** `userId`'s notifications, newest first. */
export async function listNotifications(userId: string, options: { limit?: number } = {}): Promise<NotificationRow[]> {
  return db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      entityType: notifications.entityType,
      entityId: notifications.entityId,
      actorName: users.displayName,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(options.limit ?? 100);
}
