import { eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { frameworkNodes, policyFrameworkNodes, responseItemFrameworkNodes } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadLiveNode } from "./node-rows";
import { type MergeNodeInput, mergeNodeSchema } from "./schemas";

/**
 * Merges node `id` into `intoId` (same dimension): every policy and response-item tag moves to
 * the surviving node (a row tagged with both keeps one tag), and the merged node is retired.
 */
export async function mergeNode({ actor, input, now = new Date() }: { actor: Actor; input: MergeNodeInput; now?: Date }) {
  assertCan(actor, "framework.edit");
  const data = mergeNodeSchema.parse(input);
  return db().transaction(async (tx) => {
    const node = await loadLiveNode(tx, data.id);
    const into = await loadLiveNode(tx, data.intoId);
    if (node.dimensionId !== into.dimensionId) throw new AppError("invalid", { fields: { intoId: "framework.error.mergeDimension" } });
    const policies = await tx.execute(sql`
      insert into ${policyFrameworkNodes} (policy_id, node_id)
      select policy_id, ${into.id}::uuid from ${policyFrameworkNodes} where node_id = ${node.id}
      on conflict do nothing`);
    await tx.delete(policyFrameworkNodes).where(eq(policyFrameworkNodes.nodeId, node.id));
    const items = await tx.execute(sql`
      insert into ${responseItemFrameworkNodes} (response_item_id, node_id)
      select response_item_id, ${into.id}::uuid from ${responseItemFrameworkNodes} where node_id = ${node.id}
      on conflict do nothing`);
    await tx.delete(responseItemFrameworkNodes).where(eq(responseItemFrameworkNodes.nodeId, node.id));
    // Nodes merged into this one earlier now point at the survivor too.
    await tx.update(frameworkNodes).set({ mergedIntoId: into.id }).where(eq(frameworkNodes.mergedIntoId, node.id));
    await tx
      .update(frameworkNodes)
      .set({ mergedIntoId: into.id, archivedAt: now, version: sql`${frameworkNodes.version} + 1`, updatedAt: now })
      .where(eq(frameworkNodes.id, node.id));
    await recordActivity(tx, {
      actorId: actor.id,
      action: "framework_node.merged",
      entityType: "framework_node",
      entityId: node.id,
      before: { labelKo: node.labelKo },
      after: { mergedInto: into.labelKo, mergedIntoId: into.id, movedTags: { policies: affected(policies), responseItems: affected(items) } },
    });
  });
}

function affected(result: unknown): number | null {
  const r = result as { count?: number; affectedRows?: number; rowCount?: number };
  return r.count ?? r.affectedRows ?? r.rowCount ?? null;
}
