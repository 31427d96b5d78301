import "server-only";
import type { PolicyFormValues } from "../../components/policies/policy-form";
import { lastChange } from "../activity/queries";
import { AppError } from "../actions/result";
import { getPolicy, type PolicyDetail } from "./queries";

/** A saved policy as its edit form holds it (the values the editor starts from). */
export function policyFormValues(policy: PolicyDetail): PolicyFormValues {
  return {
    id: policy.id,
    version: policy.version,
    titleZh: policy.titleZh ?? "",
    titleKo: policy.titleKo,
    titleEn: policy.titleEn ?? "",
    documentNumber: policy.documentNumber ?? "",
    instrumentType: policy.instrumentType,
    status: policy.status,
    announcedOn: policy.announcedOn ?? "",
    announcedPrecision: policy.announcedPrecision,
    effectiveOn: policy.effectiveOn ?? "",
    sourceUrl: policy.sourceUrl ?? "",
    lastCheckedOn: policy.lastCheckedOn ?? "",
    significance: policy.significance,
    relation: policy.relation ?? "",
    summary: policy.summary,
    issuingBodyIds: policy.issuingBodies.map((b) => b.id),
    nodeIds: policy.nodes.map((n) => n.id),
    passages: policy.passages.map((p) => ({ start: p.start, end: p.end, quote: p.quote, revisionId: p.revisionId })),
  };
}

/**
 * A stale edit's refusal, carrying the policy as it is saved now and who saved it: the form
 * merges it with what was typed instead of asking for a reload.
 */
export async function policyConflict(error: AppError, id: string): Promise<AppError> {
  const [policy, change] = await Promise.all([getPolicy(id), lastChange("policy", id)]);
  if (!policy) return new AppError("not_found");
  return error.withDetails({ current: policyFormValues(policy), changedBy: change?.by ?? null, changedAt: change?.at ?? null });
}
