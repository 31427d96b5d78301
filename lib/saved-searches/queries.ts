import "server-only";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { savedSearchAlerts, savedSearches, users } from "../../db/schema";
import { isUuid } from "../uuid";
import type { SavedSearchScope } from "../vocab";
import { MAX_SAVED_SEARCHES } from "./save-search";

export type SavedSearchRow = {
  id: string;
  name: string;
  scope: SavedSearchScope;
  query: string;
  shared: boolean;
  version: number;
  ownerId: string;
  ownerName: string;
  /** Whether the reader has "alert me" on. */
  alert: boolean;
};

/** What `userId` may see: their own searches, and the ones shared with the team. */
const visibleTo = (userId: string) => or(eq(savedSearches.ownerId, userId), eq(savedSearches.shared, true));

/**
 * The saved searches `userId` sees (their own first, then the team's shared ones, by name), with
 * whether they have "alert me" on. One statement: it runs on every page, for the navigation.
 */
export async function listSavedSearches(userId: string, options: { limit?: number } = {}): Promise<SavedSearchRow[]> {
  return db()
    .select({
      id: savedSearches.id,
      name: savedSearches.name,
      scope: savedSearches.scope,
      query: savedSearches.query,
      shared: savedSearches.shared,
      version: savedSearches.version,
      ownerId: savedSearches.ownerId,
      ownerName: users.displayName,
      alert: sql<boolean>`${savedSearchAlerts.userId} is not null`,
    })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.ownerId))
    .leftJoin(savedSearchAlerts, and(eq(savedSearchAlerts.savedSearchId, savedSearches.id), eq(savedSearchAlerts.userId, userId)))
    .where(visibleTo(userId))
    .orderBy(desc(sql`${savedSearches.ownerId} = ${userId}`), asc(savedSearches.name), asc(savedSearches.id))
    .limit(options.limit ?? MAX_SAVED_SEARCHES * 4);
}

/** The saved searches of some notifications, by id, as `userId` may see them (others are left out). */
export async function savedSearchesByIds(userId: string, ids: string[]): Promise<Map<string, { name: string; scope: SavedSearchScope; query: string }>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (!wanted.length) return new Map();
  const rows = await db()
    .select({ id: savedSearches.id, name: savedSearches.name, scope: savedSearches.scope, query: savedSearches.query })
    .from(savedSearches)
    .where(and(inArray(savedSearches.id, wanted), visibleTo(userId)));
  return new Map(rows.map((r) => [r.id, r]));
}
