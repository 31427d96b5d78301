import { eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { frameworkNodes } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadLiveNode } from "./node-rows";
import { type NodeRefInput, nodeRefSchema } from "./schemas";

/** Archives a node: its tags stay on existing policies and items, but it can no longer be picked. */
export async function archiveNode({ actor, input, now = new Date() }: { actor: Actor; input: NodeRefInput; now?: Date }) {
  assertCan(actor, "framework.edit");
  const { id } = nodeRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const node = await loadLiveNode(tx, id);
    await tx.update(frameworkNodes).set({ archivedAt: now, version: sql`${frameworkNodes.version} + 1`, updatedAt: now }).where(eq(frameworkNodes.id, id));
    await recordActivity(tx, { actorId: actor.id, action: "framework_node.archived", entityType: "framework_node", entityId: id, before: { labelKo: node.labelKo, archived: false }, after: { archived: true } });
  });
}
