import { and, eq, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { impacts } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { removeImpactSchema, type RemoveImpactInput } from "../response-items/schemas";

/** Unlinks a policy from an item. The row stays (marked removed) so the history keeps it. */
export async function removeImpact({ actor, input, now = new Date() }: { actor: Actor; input: RemoveImpactInput; now?: Date }) {
  assertCan(actor, "impacts.edit");
  const { impactId } = removeImpactSchema.parse(input);
  return db().transaction(async (tx) => {
    const [impact] = await tx
      .update(impacts)
      .set({ removedAt: now, removedById: actor.id })
      .where(and(eq(impacts.id, impactId), isNull(impacts.removedAt)))
      .returning();
    if (!impact) throw new AppError("not_found");
    await recordActivity(tx, {
      actorId: actor.id,
      action: "impact.removed",
      entityType: "response_item",
      entityId: impact.responseItemId,
      before: { impactId, policyId: impact.policyId, note: impact.note, acknowledgedAt: impact.acknowledgedAt },
      after: { removedAt: now },
    });
    return { responseItemId: impact.responseItemId, policyId: impact.policyId };
  });
}
