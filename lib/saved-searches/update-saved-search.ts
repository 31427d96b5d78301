import { and, eq, ne, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { savedSearchAlerts, savedSearches } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadVisibleForUpdate, visibility } from "./rows";
import { type UpdateSavedSearchInput, updateSavedSearchSchema } from "./schemas";

/**
 * Renames, shares or unshares one's own saved search, on the version the form read. Unsharing
 * ends the other members' alerts on it: a private search tells no one else anything.
 */
export async function updateSavedSearch({ actor, input }: { actor: Actor; input: UpdateSavedSearchInput }) {
  assertCan(actor, "savedSearches.save");
  const data = updateSavedSearchSchema.parse(input);
  return db().transaction(async (tx) => {
    const { row, access } = await loadVisibleForUpdate(tx, actor, data.id);
    if (!access.edit) throw new AppError("forbidden");
    if (data.shared && !row.shared) assertCan(actor, "savedSearches.share");
    if (row.version !== data.version) throw new AppError("conflict", { message: "savedSearches.error.conflict" });
    if (row.name === data.name && row.shared === data.shared) return { version: row.version };
    if (row.name !== data.name) {
      const [taken] = await tx
        .select({ id: savedSearches.id })
        .from(savedSearches)
        .where(and(eq(savedSearches.ownerId, row.ownerId), eq(savedSearches.name, data.name), ne(savedSearches.id, row.id)));
      if (taken) throw new AppError("invalid", { fields: { name: "savedSearches.error.nameTaken" } });
    }
    const [updated] = await tx
      .update(savedSearches)
      .set({ name: data.name, shared: data.shared, version: sql`${savedSearches.version} + 1`, updatedAt: new Date() })
      .where(eq(savedSearches.id, row.id))
      .returning();
    if (!updated.shared) {
      await tx.delete(savedSearchAlerts).where(and(eq(savedSearchAlerts.savedSearchId, row.id), ne(savedSearchAlerts.userId, row.ownerId)));
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (row.name !== updated.name) [before.name, after.name] = [row.name, updated.name];
    if (row.shared !== updated.shared) [before.shared, after.shared] = [row.shared, updated.shared];
    // Private before or after: the owner alone sees the entry (a name given in private stays private).
    const privately = !row.shared || !updated.shared;
    await recordActivity(tx, {
      actorId: actor.id,
      action: "saved_search.updated",
      entityType: "saved_search",
      entityId: row.id,
      before,
      after,
      ...(privately ? { privateTo: row.ownerId } : visibility(updated)),
    });
    return { version: updated.version };
  });
}
