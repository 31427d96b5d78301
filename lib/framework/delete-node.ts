import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { frameworkNodes } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadLiveNode, nodeUsage } from "./node-rows";
import { type NodeRefInput, nodeRefSchema } from "./schemas";

/** Deletes an unused node. A node in use (any tag, or merged into) is refused: merge or archive it. */
export async function deleteNode({ actor, input }: { actor: Actor; input: NodeRefInput }) {
  assertCan(actor, "framework.edit");
  const { id } = nodeRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const node = await loadLiveNode(tx, id);
    const usage = await nodeUsage(tx, id);
    if (usage.policies || usage.responseItems || usage.mergedFrom || node.passageRevisionId) {
      throw new AppError("conflict", { message: "framework.error.inUse" });
    }
    await tx.delete(frameworkNodes).where(eq(frameworkNodes.id, id));
    await recordActivity(tx, { actorId: actor.id, action: "framework_node.deleted", entityType: "framework_node", entityId: id, before: { labelKo: node.labelKo, labelEn: node.labelEn } });
  });
}
