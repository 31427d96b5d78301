#!/usr/bin/env node
// `npm run bench:live` — a load figure for live updates, not a test. Needs a production build
// (`npx next build`) and a Postgres server (BENCH_POSTGRES_URL, default
// postgres://postgres@127.0.0.1:5432/postgres). Creates a throwaway database, serves the build on
// it (`next start`, BENCH_PORT default 3113), signs in as the first admin, opens 50 SSE streams
// to /api/live, then for 60 s writes 20 comments/s straight into the database (comment + activity
// + pg_notify in one transaction, as the app's comment verb does) and measures, per stream, the
// time from the write's commit to the event's arrival. Prints p50/p95/max latency, delivery
// count and the app process's resident memory (sampled every second). Everything is removed.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const require = createRequire(import.meta.url);
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npx next build` first.");
  process.exit(1);
}
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const port = Number(process.env.BENCH_PORT ?? 3113);
const baseUrl = `http://localhost:${port}`;
const pgUrl = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const admin = { email: "admin@bench.test", password: "bench-admin-password" };
const database = `policy_desk_bench_${Date.now().toString(36)}_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(pgUrl);
  u.pathname = `/${database}`;
  return u.toString();
})();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const maintenance = postgres(pgUrl, { max: 1, onnotice: () => {} });
const dataDir = mkdtempSync(path.join(os.tmpdir(), "policy-desk-bench-"));
let server;
let sql;
const streams = [];

/** Resident memory (kB) of `pid` and all its descendants, from /proc. */
function rssKb(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function signInCookie() {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(baseUrl).origin, cookie: jar.join("; ") },
    body: new URLSearchParams({ email: admin.email, password: admin.password, csrfToken, callbackUrl: baseUrl }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return session;
}

/** One SSE stream; calls onEvent(data, receivedAt) for every `change` event. */
async function openStream(cookie, onEvent) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/live`, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  if (res.status !== 200) throw new Error(`/api/live answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const now = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (!block.includes("event: change")) continue;
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          if (data) onEvent(JSON.parse(data.slice(6)), now);
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return controller;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  await maintenance.unsafe(`create database "${database}"`);
  server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(port)], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: dbUrl,
      AUTH_URL: baseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout.on("data", (c) => (log += c));
  server.stderr.on("data", (c) => (log += c));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`server not healthy in 90 s:\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  const rssIdle = rssKb(server.pid);

  const cookie = await signInCookie();
  sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
  const [{ id: adminId }] = await sql`select id from users where email = ${admin.email}`;
  const [{ id: policyId }] = await sql`insert into policies (title_zh, title_ko) values ('负载测试', '부하 측정') returning id`;

  // entityId (the comment id) → commit time; per-stream arrivals.
  const written = new Map();
  const latencies = [];
  let received = 0;
  for (let i = 0; i < CONNECTIONS; i++) {
    streams.push(
      await openStream(cookie, (event, at) => {
        if (event.entityType !== "comment") return;
        const t0 = written.get(event.entityId);
        if (t0 === undefined) return;
        received++;
        latencies.push(at - t0);
      }),
    );
  }
  await sleep(1000);
  const rssConnected = rssKb(server.pid);

  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "부하" }] }] };
  const total = RATE * SECONDS;
  const started = performance.now();
  let rssPeak = rssConnected;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssKb(server.pid))), 1000);
  const pending = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const id = randomUUID();
    pending.push(
      sql
        .begin(async (tx) => {
          await tx`insert into comments (id, target_type, target_id, author_id, body, body_text) values (${id}, 'policy', ${policyId}, ${adminId}, ${tx.json(body)}, '부하')`;
          await tx`insert into activity (actor_id, action, entity_type, entity_id, after) values (${adminId}, 'comment.created', 'comment', ${id}, ${tx.json({ targetType: "policy" })})`;
          await tx`select pg_notify('policy_desk', ${JSON.stringify({ entityType: "comment", entityId: id, kind: "created" })})`;
          // NOTIFY is delivered on commit: stamp just before it so the figure includes the commit.
          written.set(id, performance.now());
        })
        .catch((error) => console.error("write failed:", error.message)),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  await sleep(3000);
  clearInterval(sampler);

  const sorted = latencies.sort((a, b) => a - b);
  const expected = total * CONNECTIONS;
  const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
  console.log(`live updates: ${CONNECTIONS} SSE connections, ${total} writes in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(1)}/s)`);
  console.log(`delivered ${received} of ${expected} events (${((100 * received) / expected).toFixed(1)} %)`);
  if (sorted.length) {
    console.log(
      `latency write → event: p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`,
    );
  }
  console.log(`app process RSS: idle ${mb(rssIdle)}, with ${CONNECTIONS} streams ${mb(rssConnected)}, peak during writes ${mb(rssPeak)}`);
} catch (error) {
  console.error(String(error?.stack ?? error));
  process.exitCode = 1;
} finally {
  for (const s of streams) s.abort();
  await sql?.end({ timeout: 2 });
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  rmSync(dataDir, { recursive: true, force: true });
  await maintenance.unsafe(`drop database if exists "${database}" with (force)`).catch((e) => console.error(`could not drop ${database}: ${e.message}`));
  await maintenance.end();
}
