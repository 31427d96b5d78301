import { and, eq, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { impacts, policies, responseItems } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { notify } from "../notifications/notify";
import { createImpactSchema, type CreateImpactInput } from "../response-items/schemas";

/**
 * Records that a policy affects a response item. The item needs review until its owner
 * acknowledges the impact in a progress update; the owner is notified now.
 */
export async function createImpact({ actor, input }: { actor: Actor; input: CreateImpactInput }) {
  assertCan(actor, "impacts.edit");
  const { policyId, responseItemId, note } = createImpactSchema.parse(input);
  return db().transaction(async (tx) => {
    const [item] = await tx
      .select({ id: responseItems.id, ownerId: responseItems.ownerId })
      .from(responseItems)
      .where(and(eq(responseItems.id, responseItemId), isNull(responseItems.archivedAt)))
      .for("update");
    if (!item) throw new AppError("invalid", { fields: { responseItemId: "items.unknownItem" } });
    const [policy] = await tx
      .select({ id: policies.id })
      .from(policies)
      .where(and(eq(policies.id, policyId), isNull(policies.deletedAt)));
    if (!policy) throw new AppError("invalid", { fields: { policyId: "items.unknownPolicy" } });
    const [existing] = await tx
      .select({ id: impacts.id })
      .from(impacts)
      .where(and(eq(impacts.policyId, policyId), eq(impacts.responseItemId, responseItemId), isNull(impacts.removedAt)));
    if (existing) throw new AppError("conflict", { message: "items.impactExists" });

    const [impact] = await tx
      .insert(impacts)
      .values({ policyId, responseItemId, note, createdById: actor.id })
      .returning({ id: impacts.id });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "impact.created",
      entityType: "response_item",
      entityId: responseItemId,
      after: { impactId: impact.id, policyId, note },
    });
    await notify(tx, {
      kind: "impact",
      userIds: [item.ownerId],
      actorId: actor.id,
      entityType: "response_item",
      entityId: responseItemId,
      eventKey: `impact:${impact.id}`,
    });
    return { impactId: impact.id };
  });
}
