import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { policies } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { type PolicyRefInput, policyRefSchema } from "./schemas";

/** Soft-deletes a policy (admins only): it leaves every list but can be restored. */
export async function deletePolicy({ actor, input, now = new Date() }: { actor: Actor; input: PolicyRefInput; now?: Date }) {
  assertCan(actor, "policies.delete");
  const { id } = policyRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(policies)
      .set({ deletedAt: now, version: sql`${policies.version} + 1`, updatedAt: now })
      .where(and(eq(policies.id, id), isNull(policies.deletedAt)))
      .returning({ id: policies.id });
    if (!row) throw new AppError("not_found");
    await recordActivity(tx, {
      actorId: actor.id,
      action: "policy.deleted",
      entityType: "policy",
      entityId: id,
      before: { deletedAt: null },
      after: { deletedAt: now.toISOString() },
    });
  });
}
