import "server-only";
import { inArray } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import type { HistoryEntry } from "../activity/queries";

/** Display names of the users an item's history mentions (owners before and after). */
export async function historyUserNames(entries: HistoryEntry[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const e of entries) for (const side of [e.before, e.after]) if (typeof side?.ownerId === "string") ids.add(side.ownerId);
  if (ids.size === 0) return new Map();
  const rows = await db().select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
