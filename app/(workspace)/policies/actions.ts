"use server";

import { reviewSourceChange } from "@/lib/intake/review-source-change";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { createPolicy } from "@/lib/policies/create-policy";
import { deletePolicy } from "@/lib/policies/delete-policy";
import { importPolicies, importPoliciesSchema } from "@/lib/policies/import-policies";
import { getT } from "@/lib/i18n/server";
import { restorePolicy } from "@/lib/policies/restore-policy";
import { createPolicySchema, policyRefSchema, updatePolicySchema } from "@/lib/policies/schemas";
import { updatePolicy } from "@/lib/policies/update-policy";

const POLICIES_PATH = "/policies";

/** Logs a policy; returns its id, or the likely duplicates when the user has not confirmed. */
export const createPolicyAction = validatedAction({ schema: createPolicySchema, permission: "policies.edit" }, async (input, actor) => {
  const result = await createPolicy({ actor, input });
  if (result.id) revalidatePath(POLICIES_PATH);
  return result;
});

/** Saves an edit made on the version the form read; a stale save fails with `conflict`. */
export const updatePolicyAction = validatedAction({ schema: updatePolicySchema, permission: "policies.edit" }, async (input, actor) => {
  const result = await updatePolicy({ actor, input });
  if (result.version) {
    revalidatePath(POLICIES_PATH);
    revalidatePath(`${POLICIES_PATH}/${input.id}`);
  }
  return { ...result, id: input.id };
});

export const deletePolicyAction = validatedAction({ schema: policyRefSchema, permission: "policies.delete" }, async (input, actor) => {
  await deletePolicy({ actor, input });
  revalidatePath(POLICIES_PATH);
  revalidatePath(`${POLICIES_PATH}/${input.id}`);
});

export const restorePolicyAction = validatedAction({ schema: policyRefSchema, permission: "policies.delete" }, async (input, actor) => {
  await restorePolicy({ actor, input });
  revalidatePath(POLICIES_PATH);
  revalidatePath(`${POLICIES_PATH}/${input.id}`);
});

/** Previews (dryRun) or runs a CSV import; the report lists what was or would be done. */
export const importPoliciesAction = validatedAction({ schema: importPoliciesSchema, permission: "policies.edit" }, async (input, actor) => {
  const bytes = input.file ? new Uint8Array(await input.file.arrayBuffer()) : undefined;
  const report = await importPolicies({ actor, csv: input.csv, bytes, dryRun: input.dryRun, t: await getT() });
  if (report.created) revalidatePath(POLICIES_PATH);
  return { report };
});

export const reviewSourceChangeAction = validatedAction({ schema: policyRefSchema, permission: "policies.edit" }, async (input, actor) => {
  const result = await reviewSourceChange({ actor, input });
  revalidatePath(`/policies/${input.id}`);
  return result;
});
