import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "../../db/client";
import { activity, users } from "../../db/schema";

export type HistoryEntry = {
  id: number;
  action: string;
  at: Date;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** An item's full history from the activity log, newest first. */
export async function itemHistory(itemId: string): Promise<HistoryEntry[]> {
  const rows = await db()
    .select({ id: activity.id, action: activity.action, at: activity.at, actorName: users.displayName, before: activity.before, after: activity.after })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(and(eq(activity.entityType, "response_item"), eq(activity.entityId, itemId)))
    .orderBy(desc(activity.at), desc(activity.id))
    .limit(500);
  return rows as HistoryEntry[];
}

/** Display names of the users an item's history mentions (owners before and after). */
export async function historyUserNames(entries: HistoryEntry[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const e of entries) for (const side of [e.before, e.after]) if (typeof side?.ownerId === "string") ids.add(side.ownerId);
  if (ids.size === 0) return new Map();
  const rows = await db().select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
