import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { notifications, policies, responseItems, users } from "../../db/schema";
import { isUuid } from "../uuid";
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

/** `userId`'s notifications, newest first; `offset` pages further back. */
export async function listNotifications(userId: string, options: { limit?: number; offset?: number } = {}): Promise<NotificationRow[]> {
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
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? INBOX_PAGE_SIZE)
    .offset(options.offset ?? 0);
}

/** How many of `userId`'s notifications are unread (the navigation's badge). */
export async function countUnread(userId: string): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * The titles of the policies and response items some notifications are about, by id (two
 * queries whatever the number of rows). Annotations have no title: their label is the type.
 */
export async function targetTitles(rows: { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entityType === type && isUuid(r.entityId)).map((r) => r.entityId))];
  const [policyIds, itemIds] = [ids("policy"), ids("response_item")];
  const [policyRows, itemRows] = await Promise.all([
    policyIds.length ? db().select({ id: policies.id, title: policies.titleKo }).from(policies).where(inArray(policies.id, policyIds)) : [],
    itemIds.length
      ? db().select({ id: responseItems.id, title: responseItems.title, number: responseItems.number }).from(responseItems).where(inArray(responseItems.id, itemIds))
      : [],
  ]);
  const titles = new Map<string, string>();
  for (const row of policyRows) titles.set(row.id, row.title);
  for (const row of itemRows) titles.set(row.id, `#${row.number} ${row.title}`);
  return titles;
}
