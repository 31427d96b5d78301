import { eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { frameworkDimensions, frameworkNodes } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { type AddNodeInput, addNodeSchema } from "./schemas";
import { frameworkNodeSearch } from "../search/documents";

/** Adds a node at the end of its dimension. */
export async function addNode({ actor, input }: { actor: Actor; input: AddNodeInput }) {
  assertCan(actor, "framework.edit");
  const data = addNodeSchema.parse(input);
  return db().transaction(async (tx) => {
    const [dimension] = await tx.select().from(frameworkDimensions).where(eq(frameworkDimensions.id, data.dimensionId)).for("update");
    if (!dimension) throw new AppError("not_found");
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${frameworkNodes.position}), -1)::int + 1` })
      .from(frameworkNodes)
      .where(eq(frameworkNodes.dimensionId, data.dimensionId));
    const [node] = await tx.insert(frameworkNodes).values({ ...data, ...frameworkNodeSearch(data), position: next }).returning({ id: frameworkNodes.id });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "framework_node.created",
      entityType: "framework_node",
      entityId: node.id,
      after: { labelKo: data.labelKo, labelEn: data.labelEn, description: data.description, dimension: dimension.nameKo },
    });
    return { id: node.id };
  });
}
