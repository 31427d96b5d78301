import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { impacts, progressUpdates, responseItems } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/session";
import { loadItemForUpdate, touched } from "./item-rows";
import { withItemConflict } from "./conflict";
import { addProgressUpdateSchema, type AddProgressUpdateInput } from "./schemas";

/**
 * Records a dated progress update on an item, optionally changing its status. The owner or any
 * editor may write one. An update with text acknowledges the open impacts it names (clearing
 * *needs review* for them); a bare status change (a drag on the board) acknowledges nothing —
 * so moving an item to done or dropped clears *needs review* only when it comes with an update.
 * A status change names the version it was chosen on and is refused if the item changed since;
 * text alone is added to whatever the item is now.
 */
export async function addProgressUpdate({ actor, input, now = new Date() }: { actor: Actor; input: AddProgressUpdateInput; now?: Date }) {
  if (!actor) throw new AppError("unauthenticated");
  const { id, status, body, acknowledgeImpactIds, version: seenVersion } = addProgressUpdateSchema.parse(input);
  return withItemConflict(id, () => db().transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, id);
    if (item.ownerId !== actor.id && !can(actor.role, "responseItems.edit")) throw new AppError("forbidden");
    if (body === "" && status === item.status) throw new AppError("invalid", { fields: { body: "items.emptyUpdate" } });
    if (status !== item.status && item.version !== seenVersion) throw new AppError("conflict", { message: "items.conflict" });

    const [update] = await tx
      .insert(progressUpdates)
      .values({ responseItemId: id, authorId: actor.id, body, statusBefore: item.status, statusAfter: status, createdAt: now })
      .returning({ id: progressUpdates.id });

    let version = item.version;
    if (status !== item.status) {
      const [updated] = await tx
        .update(responseItems)
        .set({ status, ...touched(now) })
        .where(eq(responseItems.id, id))
        .returning({ version: responseItems.version });
      version = updated.version;
    }

    let acknowledged: string[] = [];
    if (body !== "" && acknowledgeImpactIds.length > 0) {
      const rows = await tx
        .update(impacts)
        .set({ acknowledgedAt: now, acknowledgedById: actor.id, acknowledgedByUpdateId: update.id })
        .where(
          and(
            eq(impacts.responseItemId, id),
            inArray(impacts.id, acknowledgeImpactIds),
            isNull(impacts.acknowledgedAt),
            isNull(impacts.removedAt),
          ),
        )
        .returning({ id: impacts.id });
      acknowledged = rows.map((r) => r.id).sort();
    }

    await recordActivity(tx, {
      actorId: actor.id,
      action: status !== item.status ? "response_item.status_changed" : "response_item.progress_added",
      entityType: "response_item",
      entityId: id,
      before: { status: item.status },
      after: { status, updateId: update.id, ...(acknowledged.length ? { acknowledgedImpactIds: acknowledged } : {}) },
    });
    return { updateId: update.id, version, acknowledged: acknowledged.length };
  }));
}
