import { eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { policies } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { policyConflict } from "./form-values";
import { type DuplicateCandidate, findDuplicates } from "./find-duplicates";
import { changedFields, policyColumns, resolveReferences, snapshotPolicy, writeLinks } from "./policy-writes";
import { type UpdatePolicyInput, updatePolicySchema } from "./schemas";
import { alertNewMatches, savedSearchMatches } from "../saved-searches/alerts";

export type UpdatePolicyResult = { version: number; duplicates?: undefined } | { version?: undefined; duplicates: DuplicateCandidate[] };

/**
 * Saves an edit made on `version` of the policy. If someone saved in between, the edit is
 * refused (conflict) and nothing is written; the refusal carries the policy as saved now, so the
 * form can merge both edits and save again against the new version.
 */
export async function updatePolicy({ actor, input }: { actor: Actor; input: UpdatePolicyInput }): Promise<UpdatePolicyResult> {
  assertCan(actor, "policies.edit");
  const data = updatePolicySchema.parse(input);
  try {
    return await save(actor, data);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") throw await policyConflict(error, data.id);
    throw error;
  }
}

function save(actor: Actor, data: ReturnType<typeof updatePolicySchema.parse>): Promise<UpdatePolicyResult> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select({ version: policies.version, deletedAt: policies.deletedAt })
      .from(policies)
      .where(eq(policies.id, data.id))
      .for("update");
    if (!current || current.deletedAt) throw new AppError("not_found");
    if (current.version !== data.version) throw new AppError("conflict", { message: "policies.error.conflict" });

    if (!data.confirmDuplicates) {
      const duplicates = await findDuplicates(tx, { ...data, excludeId: data.id });
      if (duplicates.length) return { duplicates };
    }
    const refs = await resolveReferences(tx, data, { policyId: data.id });
    const before = await snapshotPolicy(tx, data.id);
    // Saved searches it already matched do not alert again: only those it starts to match.
    const matchedBefore = await savedSearchMatches(tx, [data.id]);
    const [row] = await tx
      .update(policies)
      .set({ ...policyColumns(data), version: sql`${policies.version} + 1`, updatedAt: new Date() })
      .where(eq(policies.id, data.id))
      .returning({ version: policies.version });
    await writeLinks(tx, data.id, refs, true);
    const diff = changedFields(before, await snapshotPolicy(tx, data.id));
    if (diff.changed) {
      await recordActivity(tx, {
        actorId: actor.id,
        action: "policy.updated",
        entityType: "policy",
        entityId: data.id,
        before: diff.before,
        after: diff.after,
      });
    }
    await alertNewMatches(tx, { actorId: actor.id, policyIds: [data.id], matchedBefore });
    return { version: row.version };
  });
}
