import { and, count, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { savedSearchAlerts, savedSearches } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { describe, visibility } from "./rows";
import { type SaveSearchInput, saveSearchSchema } from "./schemas";

/** Each member's own saved searches stop here: the navigation lists them all. */
export const MAX_SAVED_SEARCHES = 50;

/**
 * Saves the current view of the policies list or the intake queue under a name, private unless
 * shared (editors and admins), with "alert me" for the saver when asked (policies only).
 */
export async function saveSearch({ actor, input }: { actor: Actor; input: SaveSearchInput }) {
  assertCan(actor, "savedSearches.save");
  const data = saveSearchSchema.parse(input);
  if (data.shared) assertCan(actor, "savedSearches.share");
  return db().transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(savedSearches).where(eq(savedSearches.ownerId, actor.id));
    if (n >= MAX_SAVED_SEARCHES) throw new AppError("invalid", { message: "savedSearches.error.tooMany", vars: { count: MAX_SAVED_SEARCHES } });
    const [taken] = await tx
      .select({ id: savedSearches.id })
      .from(savedSearches)
      .where(and(eq(savedSearches.ownerId, actor.id), eq(savedSearches.name, data.name)));
    if (taken) throw new AppError("invalid", { fields: { name: "savedSearches.error.nameTaken" } });
    const [row] = await tx
      .insert(savedSearches)
      .values({ ownerId: actor.id, scope: data.scope, name: data.name, query: data.query, shared: data.shared })
      .returning();
    if (data.alert) await tx.insert(savedSearchAlerts).values({ savedSearchId: row.id, userId: actor.id });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "saved_search.created",
      entityType: "saved_search",
      entityId: row.id,
      after: { ...describe(row), alert: data.alert },
      ...visibility(row),
    });
    return { savedSearchId: row.id };
  });
}
