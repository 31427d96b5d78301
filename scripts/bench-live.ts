/**
 * `npm run bench:live`: live updates under load (a measurement, not a test). It
 *
 * 1. creates a throwaway database on the Postgres server (BENCH_POSTGRES_URL, default
 *    postgres://postgres@127.0.0.1:5432/postgres), migrated and seeded by the app's own
 *    `migrateAndSeed` (the admin, the brief and its current revision), plus 200 policies and 200
 *    response items for the writes to rotate over;
 * 2. serves the production build on it (`next start`, BENCH_PORT default 3113), signs in as the
 *    admin and opens BENCH_CONNECTIONS (50) SSE streams to /api/live;
 * 3. for BENCH_SECONDS (60) makes BENCH_RATE (20) writes/s through the app's own lib verbs, in
 *    this process, on the same database — so every event is the one the app publishes from
 *    `recordActivity` (or the verb's own `publish`) on commit. The writes rotate over a comment
 *    (`addComment`, on a policy or an item), a policy edit (`updatePolicy`), an item status move
 *    (`addProgressUpdate`, the board's drag) and an annotation (`createAnnotation`); one write in
 *    20 is a 3-row CSV import (`importPolicies`, one event for the batch);
 * 4. measures, per event and per stream, the time from the write's commit (its verb resolved) to
 *    the event's arrival. An SSE event is `{entityType, entityId, kind}`: it is matched to its
 *    write by that key and by its rank among the events of the same key (the writes' marker: a
 *    comment's or annotation's id is new, a policy or item comes round again only after 200
 *    writes of its kind, every import is `policy/import`). The app's own listener, opened here
 *    too, checks that the events published are the ones expected.
 *
 * Prints p50/p95/p99/max overall and per event kind, deliveries expected and received, the
 * server's resident memory, and PASS/MISS against the target: delivery p95 < 1 s (a delivery
 * that never came counts as late). Needs a production build (`npm run build`). The database, the
 * server and its data directory are removed at the end, on failure and on Ctrl-C too.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { eq, isNotNull } from "drizzle-orm";
import postgres from "postgres";
import { type PostgresHandle, connectPostgres, setDatabase } from "../db/client";
import { migrateAndSeed } from "../db/migrate";
import * as schema from "../db/schema";
import { addComment } from "../lib/comments/add-comment";
import { createAnnotation } from "../lib/annotations/create-annotation";
import type { Actor } from "../lib/auth/session";
import { translator } from "../lib/i18n/catalog";
import { type LiveEvent, visibleTo } from "../lib/live/events";
import { listenLive } from "../lib/live/listen";
import { importPolicies } from "../lib/policies/import-policies";
import { updatePolicy } from "../lib/policies/update-policy";
import { addProgressUpdate } from "../lib/response-items/add-progress-update";
import type { ItemStatus } from "../lib/vocab";
import { scriptActor } from "./script-support";
import { type Server, signIn, startServer } from "./bench/http";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const port = Number(process.env.BENCH_PORT ?? 3113);
const pgUrl = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const TARGET_P95_MS = 1000;
/** Policies and items the writes rotate over (each comes round again after POOL writes of its kind). */
const POOL = 200;
const admin = { email: "admin@bench.test", password: "bench-admin-password" };
const database = `pd_bench_live_${Date.now().toString(36)}_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(pgUrl);
  u.pathname = `/${database}`;
  return u.toString();
})();

type WriteKind = "comment" | "policy" | "item" | "annotation" | "import";
const VERB: Record<WriteKind, string> = {
  comment: "addComment",
  policy: "updatePolicy",
  item: "addProgressUpdate",
  annotation: "createAnnotation",
  import: "importPolicies",
};
/** The n-th write's kind: 19 in 20 rotate over the four everyday writes, the 20th is an import. */
const kindOf = (n: number): WriteKind => (n % 20 === 19 ? "import" : (["comment", "policy", "item", "annotation"] as const)[n % 20 % 4]);

/** Thrown at the run's next step after Ctrl-C or SIGTERM. */
class Interrupted extends Error {}

type Write = { n: number; kind: WriteKind; started: number; committed?: number; events: LiveEvent[]; error?: string };
type Arrival = { key: string; at: number };

const keyOf = (e: Pick<LiveEvent, "entityType" | "entityId" | "kind">) => `${e.entityType}|${e.entityId}|${e.kind}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "never");
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
/** `length` random characters from [from, to]: titles no duplicate check finds alike. */
const randomText = (from: number, to: number, length: number) =>
  String.fromCharCode(...Array.from({ length }, () => from + Math.floor(Math.random() * (to - from + 1))));
const zhTitle = () => randomText(0x4e00, 0x9fa5, 10);
const koTitle = () => randomText(0xac00, 0xd7a3, 10);

/** Resident memory (kB) of `pid` and all its descendants, from /proc. */
function rssKb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** One SSE stream to /api/live; every `change` event is appended to `arrivals` with its arrival time. */
async function openStream(base: string, cookie: string, arrivals: Arrival[], onArrival: () => void): Promise<AbortController> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/live`, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`/api/live answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (!block.split("\n").includes("event: change")) continue;
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          if (!data) continue;
          arrivals.push({ key: keyOf(JSON.parse(data.slice(6)) as LiveEvent), at });
          onArrival();
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return controller;
}

/** Matches events to the writes that published them: by key, then by rank among that key's events (commit order). */
function matcher(writes: Write[]) {
  const byKey = new Map<string, Write[]>();
  const committed = writes.filter((w) => w.committed !== undefined).sort((a, b) => a.committed! - b.committed!);
  for (const write of committed) {
    for (const event of write.events) {
      const key = keyOf(event);
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push(write);
    }
  }
  return (keys: string[]) => {
    const rank = new Map<string, number>();
    return keys.map((key) => {
      const i = rank.get(key) ?? 0;
      rank.set(key, i + 1);
      return byKey.get(key)?.[i];
    });
  };
}

async function main(): Promise<number> {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("No production build: run `npm run build` first.");
    return 1;
  }
  // The verbs run in this process on the bench database (set before anything reads the env).
  process.env.DATABASE_URL = dbUrl;
  const maintenance = postgres(pgUrl, { max: 1, onnotice: () => {} });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-desk-bench-"));
  const streams: AbortController[] = [];
  let handle: PostgresHandle | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let app: Server | undefined;
  let sampler: NodeJS.Timeout | undefined;
  let created = false;
  /** The writes under way (the database handle closes only once they are done). */
  const pending: Promise<void>[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      clearInterval(sampler);
      await Promise.race([Promise.allSettled(pending), sleep(10_000)]);
      for (const s of streams) s.abort();
      await unlisten?.().catch(() => {});
      setDatabase(undefined);
      await handle?.close().catch(() => {});
      await app?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (created) {
        await maintenance
          .unsafe(`drop database if exists "${database}" with (force)`)
          .catch((e: Error) => console.error(`could not drop ${database}: ${e.message}`));
      }
      await maintenance.end({ timeout: 2 });
    })());
  // Ctrl-C (or SIGTERM) stops the run at its next step, which then cleans up like a failure. It
  // may arrive more than once (npm passes it on too): later ones are ignored.
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = signal;
    console.error(`\n${signal}: stopping, cleaning up…`);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const checkpoint = () => {
    if (signalled) throw new Interrupted(signalled);
  };

  try {
    await maintenance.unsafe(`create database "${database}"`);
    created = true;
    handle = connectPostgres(dbUrl, { max: 10 });
    setDatabase(handle);
    await migrateAndSeed(handle, { adminEmail: admin.email, adminPassword: admin.password });
    checkpoint();

    // What the verbs need: the admin (their actor), the brief's current revision, policies, items.
    const user = await scriptActor(handle.db, admin.email);
    if (!user) throw new Error("the seed made no admin");
    const actor: Actor = { id: user.id, email: user.email, displayName: user.displayName, role: user.role, locale: user.locale };
    const [brief] = await handle.db
      .select({ revisionId: schema.briefRevisions.id, text: schema.briefRevisions.plainText })
      .from(schema.briefs)
      .innerJoin(schema.briefRevisions, eq(schema.briefRevisions.id, schema.briefs.currentRevisionId))
      .where(isNotNull(schema.briefs.currentRevisionId))
      .limit(1);
    if (!brief || brief.text.length < 40) throw new Error("the seed made no brief revision to annotate");
    const policyPool = (
      await handle.db
        .insert(schema.policies)
        .values(Array.from({ length: POOL }, () => ({ titleZh: zhTitle(), titleKo: koTitle(), createdById: actor.id })))
        .returning({ id: schema.policies.id, version: schema.policies.version, titleZh: schema.policies.titleZh, titleKo: schema.policies.titleKo })
    ).map((p) => ({ ...p, busy: false }));
    const itemPool = (
      await handle.db
        .insert(schema.responseItems)
        .values(Array.from({ length: POOL }, (_, i) => ({ title: `부하 측정 과제 ${i + 1}` })))
        .returning({ id: schema.responseItems.id, version: schema.responseItems.version, status: schema.responseItems.status })
    ).map((p) => ({ ...p, busy: false }));
    const t = translator(actor.locale);
    checkpoint();

    app = await startServer(port, {
      DATA_DIR: dataDir,
      DATABASE_URL: dbUrl,
      AUTH_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    });
    const server = app;
    checkpoint();
    const rssIdle = rssKb(server.pid);
    const cookie = await signIn(server.base, admin.email, admin.password);

    // Every event the app publishes on the channel, heard through its own listener.
    const heard: string[] = [];
    unlisten = await listenLive(handle, (event) => {
      if (visibleTo(event, actor.id)) heard.push(keyOf(event));
    });
    const arrivals: Arrival[][] = [];
    let arrived = 0;
    let lastArrival = 0;
    for (let i = 0; i < CONNECTIONS; i++) {
      const list: Arrival[] = [];
      arrivals.push(list);
      streams.push(
        await openStream(server.base, cookie, list, () => {
          arrived++;
          lastArrival = performance.now();
        }),
      );
      checkpoint();
    }
    await sleep(1000);
    checkpoint();
    const rssConnected = rssKb(server.pid);
    const before = { heard: heard.length, arrived };

    /** Takes the next policy or item no write is busy with (they rotate; a slow one is skipped). */
    const take = <T extends { busy: boolean }>(pool: T[], n: number): T => {
      for (let i = 0; i < pool.length; i++) {
        const entry = pool[(n + i) % pool.length];
        if (!entry.busy) return entry;
      }
      throw new Error("every pool entry is busy: the writes are not keeping up");
    };
    const nextStatus: Record<ItemStatus, ItemStatus> = { not_started: "in_progress", in_progress: "done", done: "not_started", blocked: "in_progress", dropped: "not_started" };

    /** Runs write `n` through its verb; returns the events it publishes. */
    const perform = async (n: number, kind: WriteKind): Promise<LiveEvent[]> => {
      const marker = `#${n}`;
      const rank = Math.floor(n / 20) * 5 + (n % 20 >> 2); // this write's number among its kind
      if (kind === "comment") {
        const onItem = rank % 2 === 1;
        const target = onItem ? itemPool[rank % POOL] : policyPool[rank % POOL];
        const targetType = onItem ? "response_item" : "policy";
        const { commentId } = await addComment({ actor, input: { targetType, targetId: target.id, body: doc(`부하 측정 댓글 ${marker}`) } });
        return [
          { entityType: "comment", entityId: commentId, kind: "comment.created" },
          { entityType: targetType, entityId: target.id, kind: "comment" },
        ];
      }
      if (kind === "policy") {
        const policy = take(policyPool, rank);
        policy.busy = true;
        try {
          const input = { id: policy.id, version: policy.version, titleZh: policy.titleZh ?? zhTitle(), titleKo: policy.titleKo, titleEn: `Load test edit ${marker}` };
          let result = await updatePolicy({ actor, input });
          // A likely duplicate is shown first; the editor confirms, as a user would.
          if (result.duplicates) result = await updatePolicy({ actor, input: { ...input, confirmDuplicates: true } });
          policy.version = result.version!;
          return [{ entityType: "policy", entityId: policy.id, kind: "policy.updated" }];
        } catch (error) {
          const [row] = await handle!.db.select({ version: schema.policies.version }).from(schema.policies).where(eq(schema.policies.id, policy.id));
          if (row) policy.version = row.version;
          throw error;
        } finally {
          policy.busy = false;
        }
      }
      if (kind === "item") {
        const item = take(itemPool, rank);
        item.busy = true;
        try {
          const status = nextStatus[item.status];
          const { version } = await addProgressUpdate({ actor, input: { id: item.id, version: item.version, status, acknowledgeImpactIds: [] } });
          Object.assign(item, { version, status });
          return [{ entityType: "response_item", entityId: item.id, kind: "response_item.status_changed" }];
        } catch (error) {
          const [row] = await handle!.db
            .select({ version: schema.responseItems.version, status: schema.responseItems.status })
            .from(schema.responseItems)
            .where(eq(schema.responseItems.id, item.id));
          if (row) Object.assign(item, row);
          throw error;
        } finally {
          item.busy = false;
        }
      }
      if (kind === "annotation") {
        const start = (rank * 37) % (brief.text.length - 20);
        const end = start + 12;
        const { annotationId } = await createAnnotation({
          actor,
          input: { revisionId: brief.revisionId, start, end, quote: brief.text.slice(start, end), body: doc(`부하 측정 메모 ${marker}`), tags: ["부하"], isPrivate: false },
        });
        return [{ entityType: "annotation", entityId: annotationId, kind: "annotation.created" }];
      }
      const rows = Array.from({ length: 3 }, (_, i) => `${zhTitle()},${koTitle()},Load test import ${marker}.${i + 1}`);
      const report = await importPolicies({ actor, csv: ["title_zh,title_ko,title_en", ...rows].join("\n"), dryRun: false, t });
      if (report.created !== rows.length) throw new Error(`import created ${report.created} of ${rows.length} policies: ${JSON.stringify(report)}`);
      return [{ entityType: "policy", entityId: "import", kind: "policy.imported" }];
    };

    console.log(`bench:live: ${CONNECTIONS} streams open; ${RATE} writes/s for ${SECONDS} s…`);
    const total = Math.round(RATE * SECONDS);
    const writes: Write[] = [];
    let rssPeak = rssConnected;
    sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssKb(server.pid))), 1000);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const started = performance.now();
    for (let n = 0; n < total && !signalled; n++) {
      const wait = started + (n * 1000) / RATE - performance.now();
      if (wait > 0) await sleep(wait);
      const write: Write = { n, kind: kindOf(n), started: performance.now(), events: [] };
      writes.push(write);
      pending.push(
        perform(n, write.kind).then(
          (events) => {
            // The verb resolves once its transaction committed: that is when Postgres sent the events.
            write.committed = performance.now();
            write.events = events;
          },
          (error: Error) => {
            write.error = error.message;
          },
        ),
      );
    }
    await Promise.all(pending);
    checkpoint();
    loopDelay.disable();
    const elapsed = (performance.now() - started) / 1000;
    const expectedPerStream = writes.reduce((sum, w) => sum + w.events.length, 0);
    const expected = expectedPerStream * CONNECTIONS;
    // Let the last events arrive: until every stream has had all of them (and 0.5 s of quiet), 5 s at most.
    const settleBy = performance.now() + 5000;
    while (performance.now() < settleBy && !(arrived - before.arrived >= expected && performance.now() - lastArrival > 500)) {
      await sleep(100);
      checkpoint();
    }
    clearInterval(sampler);

    // Match: the channel (what was published) and every stream (what was delivered).
    const match = matcher(writes);
    const heardWrites = match(heard.slice(before.heard));
    const publishedByWrites = heardWrites.filter(Boolean).length;
    const latencies = new Map<string, number[]>(); // "<event kind> (<verb>)" → ms
    const all: number[] = [];
    let others = 0;
    for (const list of arrivals) {
      const during = list.filter((a) => a.at >= started);
      const owners = match(during.map((a) => a.key));
      during.forEach((arrival, i) => {
        const write = owners[i];
        if (!write) return void others++;
        const latency = arrival.at - write.committed!;
        const label = `${arrival.key.split("|")[2]} (${VERB[write.kind]})`;
        if (!latencies.has(label)) latencies.set(label, []);
        latencies.get(label)!.push(latency);
        all.push(latency);
      });
    }
    const received = all.length;

    const failed = writes.filter((w) => w.error);
    const counts = (Object.keys(VERB) as WriteKind[]).map((k) => `${writes.filter((w) => w.kind === k && !w.error).length} ${k}`).join(", ");
    console.log(`\nlive updates: ${CONNECTIONS} SSE streams, ${total} writes through the lib verbs in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(1)}/s): ${counts}; ${failed.length} failed`);
    for (const w of failed.slice(0, 5)) console.log(`  write #${w.n} (${VERB[w.kind]}) failed: ${w.error}`);
    const verbTimes = (Object.keys(VERB) as WriteKind[]).flatMap((k) => {
      const times = writes.filter((w) => w.kind === k && w.committed !== undefined).map((w) => w.committed! - w.started).sort((a, b) => a - b);
      return times.length ? [`${VERB[k]} ${percentile(times, 50).toFixed(0)}/${percentile(times, 95).toFixed(0)}/${times.at(-1)!.toFixed(0)}`] : [];
    });
    console.log(`verb call → commit, p50/p95/max ms: ${verbTimes.join(", ")}`);
    console.log(`this process's event-loop delay while writing: p99 ${ms(loopDelay.percentile(99) / 1e6)}, max ${ms(loopDelay.max / 1e6)}`);
    console.log(
      `events published: ${publishedByWrites} of the ${expectedPerStream} the writes should publish` +
        `${heard.length - before.heard - publishedByWrites ? `, ${heard.length - before.heard - publishedByWrites} others` : ""}`,
    );
    console.log(`delivered ${received} of ${expected} expected (${((100 * received) / Math.max(expected, 1)).toFixed(1)} %)${others ? `, plus ${others} other events` : ""}`);
    console.log("latency commit → arrival, per stream:");
    const row = (label: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `  ${label.padEnd(52)} ${String(sorted.length).padStart(7)}  p50 ${ms(percentile(sorted, 50)).padStart(9)}  p95 ${ms(percentile(sorted, 95)).padStart(9)}  p99 ${ms(percentile(sorted, 99)).padStart(9)}  max ${ms(sorted.at(-1) ?? NaN).padStart(9)}`,
      );
    };
    if (all.length) {
      row("all events", all);
      for (const [label, values] of [...latencies].sort()) row(label, values);
    }
    console.log(`app process RSS: idle ${mb(rssIdle)}, with ${CONNECTIONS} streams ${mb(rssConnected)}, peak during writes ${mb(rssPeak)}`);

    // The target counts a delivery that never came as infinitely late.
    const graded = [...all, ...Array.from({ length: Math.max(0, expected - received) }, () => Infinity)].sort((a, b) => a - b);
    const p95 = graded.length ? percentile(graded, 95) : Infinity;
    const pass = p95 < TARGET_P95_MS && failed.length === 0 && publishedByWrites === expectedPerStream;
    console.log(
      `target: delivery p95 < ${TARGET_P95_MS} ms with ${CONNECTIONS} streams at ${RATE} writes/s → ${pass ? "PASS" : "MISS"} (p95 ${ms(p95)}` +
        `${failed.length ? `, ${failed.length} writes failed` : ""}${publishedByWrites !== expectedPerStream ? ", events missing on the channel" : ""})`,
    );
    return 0;
  } catch (error) {
    if (error instanceof Interrupted) return error.message === "SIGINT" ? 130 : 143;
    throw error;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
