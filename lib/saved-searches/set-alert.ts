import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { savedSearchAlerts } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadVisibleForUpdate } from "./rows";
import { type SetSavedSearchAlertInput, setSavedSearchAlertSchema } from "./schemas";

/**
 * "Alert me" on or off, for the caller only, on a saved policies search they can see (their own,
 * or a shared one). Personal: recorded for the caller's eyes alone.
 */
export async function setSavedSearchAlert({ actor, input }: { actor: Actor; input: SetSavedSearchAlertInput }) {
  assertCan(actor, "savedSearches.save");
  const { id, alert } = setSavedSearchAlertSchema.parse(input);
  return db().transaction(async (tx) => {
    const { row } = await loadVisibleForUpdate(tx, actor, id);
    if (row.scope !== "policies") throw new AppError("invalid", { message: "savedSearches.error.alertPoliciesOnly" });
    const mine = and(eq(savedSearchAlerts.savedSearchId, id), eq(savedSearchAlerts.userId, actor.id));
    const [current] = await tx.select({ id: savedSearchAlerts.savedSearchId }).from(savedSearchAlerts).where(mine);
    if (Boolean(current) === alert) return { alert };
    if (alert) await tx.insert(savedSearchAlerts).values({ savedSearchId: id, userId: actor.id });
    else await tx.delete(savedSearchAlerts).where(mine);
    await recordActivity(tx, {
      actorId: actor.id,
      action: alert ? "saved_search.alert_on" : "saved_search.alert_off",
      entityType: "saved_search",
      entityId: id,
      after: { alert },
      privateTo: actor.id,
    });
    return { alert };
  });
}
