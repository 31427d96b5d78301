import { and, isNotNull, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { policies } from "../../db/schema";
import { type JobDefinition, enqueue } from "../jobs/runner";
import { TransientSourceError, checkSource, claimDueSources } from "./check-source";
import { snapshotPolicySource } from "./snapshot-source";

export const SOURCE_CHECK = "source-check";
export const SOURCE_CHECKS_DUE = "source-checks-due";
export const POLICY_SNAPSHOT = "policy-snapshot";
export const SNAPSHOTS_DUE = "policy-snapshots-due";

/** Queues a check of every source whose time has come (each claimed by exactly one sweep). */
export async function sweepDueSources(): Promise<number> {
  let total = 0;
  for (;;) {
    const claimed = await db().transaction(async (tx) => {
      const ids = await claimDueSources(500, tx);
      await enqueue(tx, SOURCE_CHECK, ids.map((sourceId) => ({ data: { sourceId }, singletonKey: sourceId })));
      return ids.length;
    });
    total += claimed;
    if (claimed < 500) return total;
  }
}

/** Queues a re-read of every live policy's source page. */
export async function sweepPolicySources(): Promise<number> {
  const rows = await db()
    .select({ id: policies.id })
    .from(policies)
    .where(and(isNotNull(policies.sourceUrl), isNull(policies.deletedAt)));
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await db().transaction((tx) => enqueue(tx, POLICY_SNAPSHOT, batch.map((r) => ({ data: { policyId: r.id }, singletonKey: r.id }))));
  }
  return rows.length;
}

/** The intake's background jobs: sweeps on a schedule, one job per source check and per snapshot. */
export const intakeJobs: JobDefinition[] = [
  { name: SOURCE_CHECKS_DUE, cron: "* * * * *", runOnStart: true, queue: { retryLimit: 0, expireInSeconds: 120 }, handler: async () => void (await sweepDueSources()) },
  {
    name: SOURCE_CHECK,
    // Fetching waits on the network, not the CPU: several at once, each host still spaced out.
    concurrency: 4,
    queue: { retryLimit: 3, retryDelay: 30, retryBackoff: true, retryDelayMax: 900, expireInSeconds: 180, heartbeatSeconds: 10 },
    handler: async (data) => {
      const job = data as { sourceId?: unknown; includePaused?: unknown };
      const result = await checkSource(String(job.sourceId), { includePaused: job.includePaused === true });
      // The failure is recorded on the source; a transient one is also thrown, to be retried.
      if (result.outcome === "failed" && result.transient) throw new TransientSourceError(result.error);
    },
  },
  // Mondays at 03:00 Seoul time: every policy's source page, once a week.
  { name: SNAPSHOTS_DUE, cron: "0 3 * * 1", queue: { retryLimit: 0 }, handler: async () => void (await sweepPolicySources()) },
  {
    name: POLICY_SNAPSHOT,
    concurrency: 4,
    queue: { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 180, heartbeatSeconds: 10 },
    handler: async (data) => void (await snapshotPolicySource(String((data as { policyId?: unknown }).policyId))),
  },
];
