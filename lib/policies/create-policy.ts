import { db } from "../../db/client";
import { policies } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { POLICY_SNAPSHOT } from "../intake/jobs";
import { markEntryLogged } from "../intake/record-entries";
import { enqueue } from "../jobs/runner";
import { alertNewMatches } from "../saved-searches/alerts";
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
    await alertNewMatches(tx, { actorId: actor.id, policyIds: [row.id] });
    if (data.intakeEntryId) {
      if (!(await markEntryLogged(tx, data.intakeEntryId, row.id, actor.id, new Date()))) {
        throw new AppError("conflict", { message: "intake.error.alreadyDecided" });
      }
      await recordActivity(tx, { actorId: actor.id, action: "intake_entry.logged", entityType: "intake_entry", entityId: data.intakeEntryId, after: { policyId: row.id } });
    }
    // The source page's text is kept from the start (read by a job, after commit).
    if (data.sourceUrl) await enqueue(tx, POLICY_SNAPSHOT, [{ data: { policyId: row.id }, singletonKey: row.id }]);
    return { id: row.id };
  });
}
