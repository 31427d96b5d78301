/**
 * Runs a scheduled job now, in this process, against the configured database:
 *
 *   npm run jobs:run -- source-checks      check every enabled source now
 *   npm run jobs:run -- policy-snapshots   re-read every policy's source page now
 *   npm run jobs:run -- digests            make every digest that has something to say, as if it were digest time
 *   npm run jobs:run -- reminders          today's due-soon and overdue reminders (once per item per day)
 *
 * Mails these queue are sent by this command before it exits (or, when that fails, retried by a
 * running server's job runner).
 *
 * For operators who will not wait for the schedule. Exits 3 when the embedded database is open
 * in a running server (PGlite must never be opened by two processes: stop the server, or set
 * DATABASE_URL), 2 on usage errors, 1 when a check failed.
 */
import { and, asc, eq, gte, isNotNull, isNull, sql } from "drizzle-orm";
import { migrateAndSeed } from "../db/migrate";
import { mailMessages, policies, sources } from "../db/schema";
import { checkSource } from "../lib/intake/check-source";
import { snapshotPolicySource } from "../lib/intake/snapshot-source";
import { deliverMail } from "../lib/mail/deliver";
import { sendDueDigests } from "../lib/mail/digest";
import { notifyDueItems } from "../lib/notifications/due-soon";
import { DATABASE_IN_USE, openDatabaseFor, runScript } from "./script-support";

const jobs = ["source-checks", "policy-snapshots", "digests", "reminders"] as const;

/** Runs `work` over `ids`, `concurrency` at a time (fetches wait on the network, not the CPU). */
async function eachLimited<T>(ids: T[], concurrency: number, work: (id: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
    while (next < ids.length) await work(ids[next++]);
  }));
}

async function main(): Promise<number> {
  const job = process.argv[2];
  if (!jobs.includes(job as (typeof jobs)[number])) {
    console.error(`Usage: npm run jobs:run -- ${jobs.join(" | ")}`);
    return 2;
  }
  const handle = openDatabaseFor("Refusing to run jobs");
  if (handle === DATABASE_IN_USE) return DATABASE_IN_USE;
  try {
    // A data directory that was never started has no tables yet.
    await migrateAndSeed(handle, false);
    let failed = 0;
    if (job === "digests" || job === "reminders") {
      const started = new Date(Date.now() - 1000);
      if (job === "digests") console.log(`${await sendDueDigests({ force: true })} digest(s) queued.`);
      else console.log(`${await notifyDueItems()} reminder(s) created.`);
      const queued = await handle.db
        .select({ id: mailMessages.id, to: mailMessages.toAddress })
        .from(mailMessages)
        .where(and(eq(mailMessages.status, "queued"), gte(mailMessages.createdAt, started)));
      for (const mail of queued) {
        const outcome = await deliverMail(mail.id).catch((error: Error) => `will be retried (${error.message})`);
        if (outcome === "failed" || outcome.startsWith("will")) failed++;
        console.log(`${outcome === "sent" || outcome === "written" ? "✓" : "✗"} ${mail.to}: ${outcome}`);
      }
    } else if (job === "source-checks") {
      const rows = await handle.db
        .select({ id: sources.id, name: sources.name })
        .from(sources)
        .where(and(eq(sources.enabled, true), isNull(sources.deletedAt)))
        .orderBy(asc(sources.name));
      if (rows.length === 0) console.log("No enabled sources.");
      await eachLimited(rows, 4, async (source) => {
        // Claimed like a scheduled check: the schedule will not check it again before its interval.
        await handle.db.update(sources).set({ nextCheckAt: sql`now() + make_interval(mins => ${sources.intervalMinutes})` }).where(eq(sources.id, source.id));
        const result = await checkSource(source.id);
        if (result.outcome === "failed") failed++;
        const detail = result.outcome === "checked" ? `${result.created} new of ${result.found}` : result.outcome === "failed" ? result.error : result.outcome;
        console.log(`${result.outcome === "failed" ? "✗" : "✓"} ${source.name}: ${detail}`);
      });
    } else {
      const rows = await handle.db
        .select({ id: policies.id, title: policies.titleKo })
        .from(policies)
        .where(and(isNotNull(policies.sourceUrl), isNull(policies.deletedAt)));
      if (rows.length === 0) console.log("No policy has a source URL.");
      await eachLimited(rows, 4, async (policy) => {
        const result = await snapshotPolicySource(policy.id);
        if (result.outcome === "failed") failed++;
        console.log(`${result.outcome === "failed" ? "✗" : "✓"} ${policy.title}: ${result.outcome}${result.status ? ` (HTTP ${result.status})` : ""}`);
      });
    }
    return failed ? 1 : 0;
  } finally {
    await handle.close();
  }
}

runScript(main);
