import "server-only";
import { and, asc, desc, eq, gte, isNull, lt, or, type SQL } from "drizzle-orm";
import { db } from "../../db/client";
import { activity, users } from "../../db/schema";
import { DEFAULT_TIME_ZONE } from "../format";
import { ACTIVITY_PAGE_SIZE, type ActivityFilters } from "./filters";

export type ActivityRow = {
  id: number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  action: string;
  entityType: string;
  entityId: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
};

/** Activity entries with their actor's name: the one query every activity list starts from. */
function entries() {
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
    .$dynamic();
}

/** Entries `viewerId` may see: the team's, and their own private notes' (nobody else's). */
const visibleTo = (viewerId: string) => or(isNull(activity.privateTo), eq(activity.privateTo, viewerId))!;

/** The team's most recent activity that `viewerId` may see, newest first. */
export async function listRecentActivity(viewerId: string, options: { limit?: number } = {}): Promise<ActivityRow[]> {
  return entries()
    .where(visibleTo(viewerId))
    .orderBy(desc(activity.at), desc(activity.id))
    .limit(options.limit ?? 100);
}

export type HistoryEntry = ActivityRow & { before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/** One entity's history, newest first (the per-page "what changed, by whom, when"). */
export async function listEntityHistory(entityType: string, entityId: string, options: { limit?: number } = {}): Promise<HistoryEntry[]> {
  return entries()
    .where(and(eq(activity.entityType, entityType), eq(activity.entityId, entityId)))
    .orderBy(desc(activity.at), desc(activity.id))
    .limit(options.limit ?? 50);
}

/** The start of calendar day `date` (YYYY-MM-DD) in the team's time zone, as an instant. */
function startOfDay(date: string, plusDays = 0): Date {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + plusDays);
  // The zone's offset on that day (Seoul has no DST, but compute it rather than assume).
  const local = new Date(utc.toLocaleString("en-US", { timeZone: DEFAULT_TIME_ZONE }));
  const asUtc = new Date(utc.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(utc.getTime() - (local.getTime() - asUtc.getTime()));
}

export type ActivityPage = { entries: HistoryEntry[]; hasNext: boolean };

/** One page of the activity screen as `viewerId` may see it, filtered by person, entity type and date range (inclusive days). */
export async function listActivity(filters: ActivityFilters, viewerId: string): Promise<ActivityPage> {
  const conditions: SQL[] = [visibleTo(viewerId)];
  if (filters.actor) conditions.push(eq(activity.actorId, filters.actor));
  if (filters.type) conditions.push(eq(activity.entityType, filters.type));
  if (filters.from) conditions.push(gte(activity.at, startOfDay(filters.from)));
  if (filters.to) conditions.push(lt(activity.at, startOfDay(filters.to, 1)));
  const rows = await entries()
    .where(and(...conditions))
    .orderBy(desc(activity.at), desc(activity.id))
    .limit(ACTIVITY_PAGE_SIZE + 1)
    .offset((filters.page - 1) * ACTIVITY_PAGE_SIZE);
  return { entries: rows.slice(0, ACTIVITY_PAGE_SIZE), hasNext: rows.length > ACTIVITY_PAGE_SIZE };
}

/** Everyone who can appear as an actor, for the person filter (active members first). */
export async function listActivityPeople(): Promise<{ id: string; name: string; active: boolean }[]> {
  const rows = await db()
    .select({ id: users.id, name: users.displayName, deactivatedAt: users.deactivatedAt })
    .from(users)
    .orderBy(asc(users.displayName));
  return rows.map((r) => ({ id: r.id, name: r.name, active: r.deactivatedAt === null })).sort((a, b) => Number(b.active) - Number(a.active));
}

/** Who last changed an entity and when (a conflict names them), or null when nothing is recorded. */
export async function lastChange(entityType: string, entityId: string): Promise<{ byId: string | null; by: string | null; at: string } | null> {
  const [row] = await listEntityHistory(entityType, entityId, { limit: 1 });
  return row ? { byId: row.actorId, by: row.actorName, at: row.at.toISOString() } : null;
}
