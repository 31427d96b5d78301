import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { activity, users } from "../../db/schema";

export type ActivityRow = {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
};

/** The team's most recent activity, newest first. */
export async function listRecentActivity(options: { limit?: number } = {}): Promise<ActivityRow[]> {
  return db()
    .select({
      id: activity.id,
      action: activity.action,
      entityType: activity.entityType,
      entityId: activity.entityId,
      at: activity.at,
      actorId: activity.actorId,
      actorName: users.displayName,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .orderBy(desc(activity.at), desc(activity.id))
    .limit(options.limit ?? 100);
}

export type HistoryEntry = ActivityRow & { before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/** One entity's history, newest first (the per-page "what changed, by whom, when"). */
export async function listEntityHistory(entityType: string, entityId: string, options: { limit?: number } = {}): Promise<HistoryEntry[]> {
  return db()
    .select({
      id: activity.id,
      action: activity.action,
      entityType: activity.entityType,
      entityId: activity.entityId,
      at: activity.at,
      actorId: activity.actorId,
      actorName: users.displayName,
      before: activity.before,
      after: activity.after,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(and(eq(activity.entityType, entityType), eq(activity.entityId, entityId)))
    .orderBy(desc(activity.at), desc(activity.id))
    .limit(options.limit ?? 50);
}
