import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { policies } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { type PolicyRefInput, policyRefSchema } from "./schemas";
import { alertNewMatches } from "../saved-searches/alerts";

/** Brings a soft-deleted policy back (admins only). */
export async function restorePolicy({ actor, input, now = new Date() }: { actor: Actor; input: PolicyRefInput; now?: Date }) {
  assertCan(actor, "policies.delete");
  const { id } = policyRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(policies)
      .set({ deletedAt: null, version: sql`${policies.version} + 1`, updatedAt: now })
      .where(and(eq(policies.id, id), isNotNull(policies.deletedAt)))
      .returning({ id: policies.id });
    if (!row) throw new AppError("not_found");
    await recordActivity(tx, {
      actorId: actor.id,
      action: "policy.restored",
      entityType: "policy",
      entityId: id,
      before: { deleted: true },
      after: { deleted: false },
    });
    // A deleted policy matched no saved search: back in the list, it may start to match some.
    await alertNewMatches(tx, { actorId: actor.id, policyIds: [id] });
  });
}
