import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "../../db/client";
import { policies } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { policyRefSchema } from "../policies/schemas";

/** Clears a policy's "source changed" mark once someone has looked at the change. */
export async function reviewSourceChange({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "policies.edit");
  const { id } = policyRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const cleared = await tx
      .update(policies)
      .set({ sourceChangedAt: null })
      .where(and(eq(policies.id, id), isNotNull(policies.sourceChangedAt)))
      .returning({ id: policies.id });
    if (cleared.length) {
      await recordActivity(tx, { actorId: actor.id, action: "policy.source_reviewed", entityType: "policy", entityId: id });
    }
    return { id };
  });
}
