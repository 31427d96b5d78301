import { sql } from "drizzle-orm";
import { PgBoss, fromDrizzle, fromPglite, type Db, type Queue } from "pg-boss";
import { type DatabaseHandle, type Executor, getDatabase } from "../../db/client";
import { log } from "../log";

/**
 * One background job kind: its queue options, its handler, and (for scheduled kinds) when it
 * runs. Handlers must be safe to run twice: a job interrupted by a crash is run again.
 */
export type JobDefinition<Data extends object = Record<string, unknown>> = {
  name: string;
  queue?: Omit<Queue, "name">;
  /** Cron expression (pg-boss runs a schedule once per tick across every process). */
  cron?: string;
  /** Time zone of the cron expression. */
  tz?: string;
  /** Jobs this process runs at once. */
  concurrency?: number;
  /**
   * Also run once when a process starts (work that came due while no process ran) — always, or
   * when this says so at the start (a daily job whose time passed today with no process running).
   */
  runOnStart?: boolean | ((now: Date) => boolean);
  handler: (data: Data) => Promise<void>;
};

type Runner = { boss: PgBoss; definitions: Map<string, JobDefinition> };
const holder = globalThis as typeof globalThis & { __policyDeskJobs?: Promise<Runner>; __policyDeskBoss?: PgBoss };

function bossFor(handle: DatabaseHandle): PgBoss {
  const common = {
    // Heartbeats of a killed process' jobs go stale quickly: look for them every 15 s.
    superviseIntervalSeconds: 15,
    monitorIntervalSeconds: 60,
    application_name: "policy-desk-jobs",
    openTelemetry: { enabled: false },
  };
  if (handle.driver === "pglite") {
    // Single connection shared with the app: no pool, in-process LISTEN.
    return new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: "pglite" });
  }
  // Its own small pool on the same database: job polling never waits behind page queries.
  return new PgBoss({ ...common, connectionString: handle.url, max: 3 });
}

/**
 * Starts pg-boss in this process with `definitions`: creates their queues, registers their
 * schedules and their workers. Every app process runs one; Postgres decides which of them takes
 * each job, so a schedule fires once per tick however many processes run.
 */
export function startJobs(definitions: JobDefinition[], handle: DatabaseHandle = getDatabase()): Promise<Runner> {
  holder.__policyDeskJobs ??= (async () => {
    const boss = bossFor(handle);
    // Known at once, not when the start has finished: a handler that runs during the start (a job
    // left by a killed process) and queues a job inside its transaction must not wait for the
    // start, which on PGlite's single connection would wait for that transaction in turn.
    holder.__policyDeskBoss = boss;
    // An unhandled 'error' event would end the process; a database outage is logged and retried.
    boss.on("error", (error) => log.warn("jobs.error", { error }));
    await boss.start();
    const byName = new Map<string, JobDefinition>();
    for (const definition of definitions) {
      byName.set(definition.name, definition as JobDefinition);
      await boss.createQueue(definition.name, definition.queue ?? {});
      if (definition.cron) await boss.schedule(definition.name, definition.cron, null, { tz: definition.tz ?? "Asia/Seoul" });
      const concurrency = definition.concurrency ?? 1;
      const handler = (definition as JobDefinition).handler;
      // Workers fetch small batches and run their jobs side by side, each settled on its own (a
      // failed check is retried without failing its neighbours); while batches come back full
      // they fetch again at once instead of waiting out the polling interval per job. Two
      // workers, so one slow job holds up half the slots at most.
      const workers = concurrency > 1 ? 2 : 1;
      await boss.work<Record<string, unknown>>(
        definition.name,
        {
          localConcurrency: workers,
          batchSize: Math.ceil(concurrency / workers),
          perJobResults: true,
          burstWhenBatchFull: true,
          pollingIntervalSeconds: handle.driver === "pglite" ? 5 : 2,
        },
        async (jobs) =>
          Promise.all(
            jobs.map(async (job) => {
              try {
                await handler(job.data ?? {});
                return { id: job.id, status: "completed" as const };
              } catch (error) {
                // Retried by pg-boss (with backoff) until the queue's retry limit.
                log.warn("jobs.failed", { job: definition.name, id: job.id, message: (error as Error).message });
                return { id: job.id, status: "failed" as const, output: { message: (error as Error).message } };
              }
            }),
          ),
      );
    }
    const now = new Date();
    for (const { name, runOnStart } of definitions) {
      if (typeof runOnStart === "function" ? runOnStart(now) : runOnStart) await boss.send(name, {});
    }
    log.info("jobs.started", { driver: handle.driver, queues: [...byName.keys()] });
    return { boss, definitions: byName };
  })().catch((error) => {
    holder.__policyDeskJobs = undefined;
    holder.__policyDeskBoss = undefined;
    throw error;
  });
  return holder.__policyDeskJobs;
}

/** The running job runner of this process, if `startJobs` was called. */
export function runningJobs(): Promise<Runner> | undefined {
  return holder.__policyDeskJobs;
}

/** Stops this process' runner (tests; a server just exits). */
export async function stopJobs(): Promise<void> {
  const runner = holder.__policyDeskJobs;
  holder.__policyDeskJobs = undefined;
  holder.__policyDeskBoss = undefined;
  if (runner) await (await runner).boss.stop({ graceful: false, close: true, timeout: 5000 });
}

/** pg-boss speaking through a Drizzle transaction: jobs sent with it commit or roll back with the write. */
export function inTransaction(tx: Executor): { db: Db } {
  return { db: fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql) };
}

/**
 * Queues `data` jobs of kind `name` inside `tx` — once the runner runs in this process. Without
 * a runner (scripts, tests), returns false and the caller does the work itself.
 */
export async function enqueue(tx: Executor, name: string, jobs: { data: object; singletonKey?: string }[]): Promise<boolean> {
  const boss = holder.__policyDeskBoss;
  if (!boss || jobs.length === 0) return Boolean(boss);
  await boss.insert(name, jobs, inTransaction(tx));
  return true;
}
