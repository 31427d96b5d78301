import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { responseItems } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { plainTextOf } from "../editor/plain-text";
import { assertLiveNodes, loadItemForUpdate, nodeIdsOf, replaceNodes, touched } from "./item-rows";
import { withItemConflict } from "./conflict";
import { updateResponseItemSchema, type UpdateResponseItemInput } from "./schemas";
import { responseItemSearch } from "../search/documents";

/**
 * Edits an item's title, description, nodes, priority and due date. The form sends the version
 * it read: a save over someone else's newer save is refused (carrying their version, for the form
 * to merge side by side), never silently overwritten.
 */
export async function updateResponseItem({ actor, input, now = new Date() }: { actor: Actor; input: UpdateResponseItemInput; now?: Date }) {
  assertCan(actor, "responseItems.edit");
  const { id, version, title, description, nodeIds, priority, dueOn } = updateResponseItemSchema.parse(input);
  return withItemConflict(id, () => db().transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, id, { version });
    const beforeNodes = await nodeIdsOf(tx, id);
    await assertLiveNodes(tx, nodeIds, beforeNodes);
    const afterNodes = [...new Set(nodeIds)].sort();
    const descriptionText = description ? plainTextOf(description) : "";

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const diff = (field: string, a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        before[field] = a;
        after[field] = b;
      }
    };
    diff("title", item.title, title);
    diff("description", item.descriptionText, descriptionText);
    diff("priority", item.priority, priority);
    diff("dueOn", item.dueOn, dueOn);
    diff("nodeIds", beforeNodes, afterNodes);
    if (Object.keys(after).length === 0) return { version: item.version };

    const [updated] = await tx
      .update(responseItems)
      .set({ title, description, descriptionText, ...responseItemSearch({ title, descriptionText }), priority, dueOn, ...touched(now) })
      .where(eq(responseItems.id, id))
      .returning({ version: responseItems.version });
    if ("nodeIds" in after) await replaceNodes(tx, id, afterNodes);
    await recordActivity(tx, { actorId: actor.id, action: "response_item.updated", entityType: "response_item", entityId: id, before, after });
    return { version: updated.version };
  }));
}
