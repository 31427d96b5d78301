import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { savedSearches } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { describe, loadVisibleForUpdate, visibility } from "./rows";
import { type SavedSearchRefInput, savedSearchRefSchema } from "./schemas";

/** Deletes a saved search (its alerts go with it): the owner's own, or a shared one by an admin. */
export async function deleteSavedSearch({ actor, input }: { actor: Actor; input: SavedSearchRefInput }) {
  assertCan(actor, "savedSearches.save");
  const { id } = savedSearchRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const { row, access } = await loadVisibleForUpdate(tx, actor, id);
    if (!access.remove) throw new AppError("forbidden");
    await tx.delete(savedSearches).where(eq(savedSearches.id, id));
    await recordActivity(tx, {
      actorId: actor.id,
      action: "saved_search.deleted",
      entityType: "saved_search",
      entityId: id,
      before: describe(row),
      ...visibility(row),
    });
  });
}
