/**
 * `npm run bench:intake`: source checks at scale (a measurement, not a test). It
 *
 * 1. generates a workspace on the local Postgres server (the full size of `npm run bench`:
 *    50,000 policies; BENCH_DIVISOR divides it for a quick trial);
 * 2. serves 200 feeds of 50 entries each, one fixture server per loopback host (127.0.1.1 …
 *    127.0.1.200, one port): each source is its own host, as real ministries are, so the
 *    per-host politeness rule applies as in production and does not serialise the round;
 * 3. starts the app (`next start`, with its job runner) allowed to fetch exactly those hosts,
 *    makes every source due, and times the full round (all 200 checked: 10,000 new entries),
 *    then a second round of unchanged feeds (each one 304);
 * 4. meanwhile requests /intake and /policies one at a time and reports their latency beside the
 *    same screens measured before the round, and samples the server's resident memory.
 *
 * Environment: BENCH_POSTGRES_URL, BENCH_PORT (default 3495), BENCH_DIVISOR (default 1),
 * BENCH_SOURCES (default 200), BENCH_ENTRIES (default 50).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { count, isNotNull, sql } from "drizzle-orm";
import { connectPostgres } from "../db/client";
import * as schema from "../db/schema";
import { type FixtureServer, startFixtureServer } from "../tests/support/fixture-server";
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, FULL_SIZE, adminServerUrl, createWorkspace, scaled } from "./bench/generate";
import { type Probe, send, signIn, startServer } from "./bench/http";

const port = Number(process.env.BENCH_PORT ?? 3495);
const fixturePort = port + 1;
const SOURCES = Number(process.env.BENCH_SOURCES ?? 200);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 50);
const size = scaled(FULL_SIZE, Number(process.env.BENCH_DIVISOR ?? 1));
const host = (i: number) => `127.0.1.${i + 1}`;

const feed = (i: number) => {
  const items = Array.from({ length: ENTRIES }, (_, j) => {
    const title = `部门${i}关于推进人工智能第${j}号试点工作的通知`;
    return `<item><title>${title}</title><link>https://ministry-${i}.example.cn/zwgk/${j}.html</link><pubDate>Mon, 01 Dec 2026 08:00:00 +0800</pubDate></item>`;
  }).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>部门${i}</title>${items}</channel></rss>`;
};

const rssMb = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  if (SOURCES > 250) throw new Error("BENCH_SOURCES: at most 250 (one loopback host each)");
  const fixtures: FixtureServer[] = [];
  const name = `pd_bench_intake_${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  console.log(`Generating the workspace (${size.policies} policies)…`);
  const workspace = await createWorkspace(adminServerUrl(), name, size);
  const handle = connectPostgres(workspace.url, { max: 2 });
  let app: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    for (let i = 0; i < SOURCES; i++) {
      const server = await startFixtureServer({ host: host(i), port: fixturePort });
      server.route("/rss.xml", { headers: { "Content-Type": "application/rss+xml", ETag: `"feed-${i}"` }, body: feed(i) });
      fixtures.push(server);
    }
    await handle.db.insert(schema.sources).values(
      fixtures.map((f, i) => ({ name: `부처 ${i}`, url: f.url("/rss.xml"), kind: "rss" as const, nextCheckAt: new Date(Date.now() + 3600_000) })),
    );
    app = await startServer(port, {
      DATABASE_URL: workspace.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SOURCE_FETCH_ALLOW: fixtures.map((f) => f.hostPort).join(","),
      LOG_LEVEL: "warn",
    });
    const cookie = await signIn(app.base, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    const probes: Probe[] = [
      { method: "GET", path: "/intake" },
      { method: "GET", path: "/policies" },
    ];
    const sample = async (stop: () => boolean, minimum: number) => {
      const times = new Map<string, number[]>(probes.map((p) => [p.path, []]));
      for (let n = 0; n < minimum || !stop(); n++) {
        for (const probe of probes) times.get(probe.path)!.push((await send(app!.base, probe, cookie)).ms);
      }
      return times;
    };
    for (const probe of probes) await send(app.base, probe, cookie); // warm
    const quiet = await sample(() => true, 30);
    const baselineMb = rssMb(app.pid);

    const round = async (label: string) => {
      const since = new Date();
      const started = performance.now();
      await handle.db.update(schema.sources).set({ nextCheckAt: sql`now()` });
      let done = false;
      let peakMb = rssMb(app!.pid);
      const memory = setInterval(() => (peakMb = Math.max(peakMb, rssMb(app!.pid))), 250);
      const watcher = (async () => {
        for (;;) {
          const [row] = await handle.db
            .select({ n: count() })
            .from(schema.sources)
            .where(sql`${schema.sources.lastCheckedAt} > ${since.toISOString()}::timestamptz`);
          if (row.n >= SOURCES) return;
          await new Promise((r) => setTimeout(r, 250));
        }
      })().then(() => (done = true));
      const busy = await sample(() => done, 5);
      await watcher;
      clearInterval(memory);
      const seconds = (performance.now() - started) / 1000;
      // The sweep runs once a minute: the round's own work is from the first check to the last.
      const [span] = await handle.db
        .select({ first: sql<string>`min(${schema.sources.lastCheckedAt})`, last: sql<string>`max(${schema.sources.lastCheckedAt})` })
        .from(schema.sources);
      const working = (new Date(span.last).getTime() - new Date(span.first).getTime()) / 1000;
      const waited = (new Date(span.first).getTime() - since.getTime()) / 1000;
      const [entries] = await handle.db.select({ n: count() }).from(schema.intakeEntries);
      const [failed] = await handle.db.select({ n: count() }).from(schema.sources).where(isNotNull(schema.sources.lastError));
      console.log(
        `\n${label}: ${SOURCES} sources due → all checked in ${seconds.toFixed(1)} s: ${waited.toFixed(1)} s until the minute's sweep, then ${working.toFixed(1)} s of checks (${((SOURCES / Math.max(working, 0.001)) * 60).toFixed(0)} checks/min); ${entries.n} entries stored, ${failed.n} failed; server RSS ${baselineMb.toFixed(0)} MB → peak ${peakMb.toFixed(0)} MB`,
      );
      console.log("| screen | quiet p50 | quiet p95 | during p50 | during p95 | during max | requests during |");
      console.log("| --- | --- | --- | --- | --- | --- | --- |");
      for (const probe of probes) {
        const q = quiet.get(probe.path)!;
        const b = busy.get(probe.path)!;
        console.log(`| ${probe.path} | ${fmt(percentile(q, 50))} ms | ${fmt(percentile(q, 95))} ms | ${fmt(percentile(b, 50))} ms | ${fmt(percentile(b, 95))} ms | ${fmt(Math.max(...b))} ms | ${b.length} |`);
      }
    };
    await round(`Round 1 (every feed new: ${SOURCES * ENTRIES} entries)`);
    await round("Round 2 (feeds unchanged: conditional requests)");
    const requests = fixtures.reduce((sum, f) => sum + f.requests("/rss.xml"), 0);
    console.log(`\nFixture requests in all: ${requests} (2 rounds × ${SOURCES} sources)`);
  } finally {
    await app?.stop();
    await handle.close();
    for (const f of fixtures) await f.close();
    await workspace.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
