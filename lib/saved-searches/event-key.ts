/**
 * The identity of a saved-search alert: one per saved search, policy and policy version. A policy
 * that stops matching and later matches again (a newer version) is news again; a retried write of
 * the same version is not.
 */
export function savedSearchMatchKey(savedSearchId: string, policyId: string, version: number): string {
  return `saved_search:${savedSearchId}:policy:${policyId}:${version}`;
}

/** One alert for many policies at once (an import): the batch is named by its first policy. */
export function savedSearchBatchKey(savedSearchId: string, firstPolicyId: string): string {
  return `saved_search:${savedSearchId}:batch:${firstPolicyId}`;
}

/** The saved search an alert's event key names, if any. */
export function savedSearchIdOfEventKey(eventKey: string): string | null {
  const match = /^saved_search:([0-9a-f-]{36}):/i.exec(eventKey);
  return match ? match[1] : null;
}
