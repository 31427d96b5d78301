import { and, asc, eq, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { frameworkNodes } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadLiveNode } from "./node-rows";
import { type MoveNodeInput, moveNodeSchema } from "./schemas";

/** Moves a node one place up or down among the live nodes of its dimension (renumbering them). */
export async function moveNode({ actor, input }: { actor: Actor; input: MoveNodeInput }) {
  assertCan(actor, "framework.edit");
  const data = moveNodeSchema.parse(input);
  return db().transaction(async (tx) => {
    const node = await loadLiveNode(tx, data.id);
    const siblings = await tx
      .select({ id: frameworkNodes.id, position: frameworkNodes.position })
      .from(frameworkNodes)
      .where(and(eq(frameworkNodes.dimensionId, node.dimensionId), isNull(frameworkNodes.archivedAt), isNull(frameworkNodes.mergedIntoId)))
      .orderBy(asc(frameworkNodes.position), asc(frameworkNodes.createdAt))
      .for("update");
    const order = siblings.map((s) => s.id);
    const from = order.indexOf(node.id);
    const to = data.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to], order[from]];
    for (const [position, id] of order.entries()) {
      if (siblings.find((s) => s.id === id)?.position !== position) await tx.update(frameworkNodes).set({ position }).where(eq(frameworkNodes.id, id));
    }
    await recordActivity(tx, {
      actorId: actor.id,
      action: "framework_node.moved",
      entityType: "framework_node",
      entityId: node.id,
      before: { position: from + 1 },
      after: { position: to + 1 },
    });
  });
}
