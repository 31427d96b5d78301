import "server-only";
import { db } from "../../db/client";
import { nodesForPolicies } from "../framework/queries";
import type { PolicyFilters } from "./filters";
import { listPolicyPage, listPolicyTimeline } from "./filtered-list";

/** One page of the policies screen; `deleted` lists soft-deleted policies (admins only, checked by the page). */
export function getPolicyPage(filters: PolicyFilters, options: { deleted?: boolean } = {}) {
  return listPolicyPage(db(), filters, { deleted: options.deleted, withNodes: nodesForPolicies });
}

export const TIMELINE_LIMIT = 500;

/** The timeline's policies (the first 500 of the filtered view, oldest first). */
export function getPolicyTimeline(filters: PolicyFilters) {
  return listPolicyTimeline(db(), filters, TIMELINE_LIMIT, nodesForPolicies);
}
