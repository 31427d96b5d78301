import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { frameworkNodes } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { type NodeRefInput, nodeRefSchema } from "./schemas";

/** Brings an archived node back: it can be picked again (its tags never left). A merged node cannot. */
export async function unarchiveNode({ actor, input, now = new Date() }: { actor: Actor; input: NodeRefInput; now?: Date }) {
  assertCan(actor, "framework.edit");
  const { id } = nodeRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const [node] = await tx
      .select()
      .from(frameworkNodes)
      .where(and(eq(frameworkNodes.id, id), isNotNull(frameworkNodes.archivedAt), isNull(frameworkNodes.mergedIntoId)))
      .for("update");
    if (!node) throw new AppError("not_found");
    await tx.update(frameworkNodes).set({ archivedAt: null, version: sql`${frameworkNodes.version} + 1`, updatedAt: now }).where(eq(frameworkNodes.id, id));
    await recordActivity(tx, { actorId: actor.id, action: "framework_node.unarchived", entityType: "framework_node", entityId: id, before: { labelKo: node.labelKo, archived: true }, after: { archived: false } });
  });
}
