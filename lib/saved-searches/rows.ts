import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type SavedSearch, savedSearches } from "../../db/schema";
import { AppError } from "../actions/result";
import type { ActivityEntry } from "../activity/record";
import { savedSearchAccess } from "../auth/permissions";
import type { Actor } from "../auth/session";

/**
 * The saved search `id` as `actor` may see it, locked for the write. Someone else's private
 * search is "not found", exactly like an id that never existed: its existence is not told.
 */
export async function loadVisibleForUpdate(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx.select().from(savedSearches).where(eq(savedSearches.id, id)).for("update");
  if (!row) throw new AppError("not_found");
  const access = savedSearchAccess(actor, row);
  if (!access.see) throw new AppError("not_found");
  return { row, access };
}

/**
 * How a change to a saved search is recorded: a private one (before or after the change, for its
 * name must not travel) is seen and heard by its owner alone; a shared one by the team.
 */
export function visibility(search: Pick<SavedSearch, "ownerId" | "shared">): Pick<ActivityEntry, "privateTo"> {
  return search.shared ? {} : { privateTo: search.ownerId };
}

/** What the activity log records of a saved search. */
export function describe(search: Pick<SavedSearch, "name" | "scope" | "query" | "shared">) {
  return { name: search.name, scope: search.scope, query: search.query, shared: search.shared };
}
