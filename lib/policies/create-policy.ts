import { db } from "../../db/client";
import { policies } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { type DuplicateCandidate, findDuplicates } from "./find-duplicates";
import { policyColumns, resolveReferences, snapshotPolicy, writeLinks } from "./policy-writes";
import { type CreatePolicyInput, createPolicySchema } from "./schemas";

export type CreatePolicyResult = { id: string; duplicates?: undefined } | { id?: undefined; duplicates: DuplicateCandidate[] };

/**
 * Logs a policy. Unless the input confirms it, likely duplicates stop the save and are returned,
 * so the form can show them and let the user save anyway.
 */
export async function createPolicy({ actor, input }: { actor: Actor; input: CreatePolicyInput }): Promise<CreatePolicyResult> {
  assertCan(actor, "policies.edit");
  const data = createPolicySchema.parse(input);
  return db().transaction(async (tx) => {
    if (!data.confirmDuplicates) {
      const duplicates = await findDuplicates(tx, data);
      if (duplicates.length) return { duplicates };
    }
    const refs = await resolveReferences(tx, data);
    const [row] = await tx
      .insert(policies)
      .values({ ...policyColumns(data), createdById: actor.id })
      .returning({ id: policies.id });
    await writeLinks(tx, row.id, refs, false);
    await recordActivity(tx, {
      actorId: actor.id,
      action: "policy.created",
      entityType: "policy",
      entityId: row.id,
      after: await snapshotPolicy(tx, row.id),
    });
    return { id: row.id };
  });
}
