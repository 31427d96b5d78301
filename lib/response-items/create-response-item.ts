import { db } from "../../db/client";
import { responseItems } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { plainTextOf } from "../editor/plain-text";
import { assertLiveNodes, replaceNodes } from "./item-rows";
import { createResponseItemSchema, type CreateResponseItemInput } from "./schemas";
import { responseItemSearch } from "../search/documents";

/** Adds a response item; its number comes from a sequence and is never reused. */
export async function createResponseItem({ actor, input }: { actor: Actor; input: CreateResponseItemInput }) {
  assertCan(actor, "responseItems.edit");
  const { title, description, nodeIds, priority, dueOn } = createResponseItemSchema.parse(input);
  return db().transaction(async (tx) => {
    await assertLiveNodes(tx, nodeIds);
    const descriptionText = description ? plainTextOf(description) : "";
    const [item] = await tx
      .insert(responseItems)
      .values({
        title,
        description,
        descriptionText,
        ...responseItemSearch({ title, descriptionText }),
        priority,
        dueOn,
        createdById: actor.id,
      })
      .returning({ id: responseItems.id, number: responseItems.number });
    await replaceNodes(tx, item.id, nodeIds);
    await recordActivity(tx, {
      actorId: actor.id,
      action: "response_item.created",
      entityType: "response_item",
      entityId: item.id,
      after: { number: item.number, title, priority, dueOn, nodeIds: [...new Set(nodeIds)].sort() },
    });
    return { id: item.id, number: item.number };
  });
}
