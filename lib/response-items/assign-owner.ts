import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { responseItems, users } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { notify } from "../notifications/notify";
import { loadItemForUpdate, touched } from "./item-rows";
import { withItemConflict } from "./conflict";
import { assignOwnerSchema, type AssignOwnerInput } from "./schemas";

/**
 * Assigns (or clears) an item's owner: an active editor or admin, who is notified. Like every
 * edit it names the version it was chosen on: if the item changed since, it is refused (unless
 * the owner already is the one chosen), never a silent last-write-wins.
 */
export async function assignOwner({ actor, input, now = new Date() }: { actor: Actor; input: AssignOwnerInput; now?: Date }) {
  assertCan(actor, "responseItems.edit");
  const { id, ownerId, version } = assignOwnerSchema.parse(input);
  return withItemConflict(id, () => db().transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, id);
    if (item.ownerId === ownerId) return { version: item.version };
    if (item.version !== version) throw new AppError("conflict", { message: "items.conflict" });
    if (ownerId) {
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, ownerId), isNull(users.deactivatedAt), inArray(users.role, ["admin", "editor"])));
      if (!owner) throw new AppError("invalid", { fields: { ownerId: "items.ownerNotEligible" } });
    }
    const [updated] = await tx
      .update(responseItems)
      .set({ ownerId, ...touched(now) })
      .where(eq(responseItems.id, id))
      .returning({ version: responseItems.version });
    await recordActivity(tx, {
      actorId: actor.id,
      action: ownerId ? "response_item.owner_assigned" : "response_item.owner_cleared",
      entityType: "response_item",
      entityId: id,
      before: { ownerId: item.ownerId },
      after: { ownerId },
    });
    if (ownerId) {
      await notify(tx, {
        kind: "assignment",
        userIds: [ownerId],
        actorId: actor.id,
        entityType: "response_item",
        entityId: id,
        eventKey: `assignment:${id}:${updated.version}`,
      });
    }
    return { version: updated.version };
  }));
}
