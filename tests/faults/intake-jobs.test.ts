import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type http from "node:http";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type PostgresHandle, connectPostgres } from "@/db/client";
import * as schema from "@/db/schema";
import { type FixtureServer, startFixtureServer } from "../support/fixture-server";
import { adminUrl, databaseUrl } from "../support/postgres";
import { type Server, basePort, sleep, startServer, stopServer, tempDir, uniqueName } from "./support";

/**
 * Source checks are jobs on Postgres: with two app processes on one database, each source is
 * checked once per interval (the fixture server counts the requests); a process killed in the
 * middle of a check leaves the check to be run again, with no entry lost or stored twice.
 */

const postgresServer = process.env.FAULTS_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SOURCES = 8;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
});

const rss = (tag: string, items: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${tag}</title>${Array.from(
    { length: items },
    (_, i) => `<item><title>${tag} 关于人工智能的通知 ${i}</title><link>https://www.gov.example/${tag}/${i}.html</link></item>`,
  ).join("")}</channel></rss>`;

/** A fresh database, a fixture server on the allowed port, and the environment the app processes share. */
async function setUp(fixturePort: number) {
  const name = uniqueName("pd_faults_intake_");
  const maintenance = connectPostgres(adminUrl(postgresServer), { max: 1 });
  await maintenance.sql.unsafe(`create database "${name}"`);
  const url = databaseUrl(postgresServer, name);
  const dataDir = tempDir("pd-faults-intake-");
  const fixtures = await startFixtureServer({ port: fixturePort });
  const handle = connectPostgres(url, { max: 2 });
  const servers: (Server | undefined)[] = [];
  cleanups.push(async () => {
    for (const server of servers) await stopServer(server);
    await fixtures.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await maintenance.sql.unsafe(`drop database if exists "${name}" with (force)`);
    await maintenance.close();
  });
  const env = {
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATA_DIR: dataDir,
    SOURCE_FETCH_ALLOW: fixtures.hostPort,
    SOURCE_FETCH_HOST_INTERVAL_MS: "0",
  };
  return { env, handle, fixtures, servers };
}

async function addSources(handle: PostgresHandle, fixtures: FixtureServer, routes: string[]) {
  const rows = await handle.db
    .insert(schema.sources)
    .values(routes.map((route) => ({ name: route, url: fixtures.url(route), kind: "rss" as const, intervalMinutes: 15 })))
    .returning({ id: schema.sources.id });
  return rows.map((r) => r.id);
}

/** Waits until every source in `ids` was checked after `since`. */
async function checkedAfter(handle: PostgresHandle, ids: string[], since: Date, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const [row] = await handle.db
      .select({ n: count() })
      .from(schema.sources)
      .where(and(inArray(schema.sources.id, ids), sql`${schema.sources.lastCheckedAt} > ${since.toISOString()}::timestamptz`));
    if (row.n === ids.length) return true;
    await sleep(500);
  }
  return false;
}

const entryCount = async (handle: PostgresHandle) => (await handle.db.select({ n: count() }).from(schema.intakeEntries))[0].n;

describe("source checks as jobs", () => {
  it("two app processes on one Postgres: every source is checked once per interval", { timeout: 300_000 }, async () => {
    const { env, handle, fixtures, servers } = await setUp(basePort + 20);
    const routes = Array.from({ length: SOURCES }, (_, i) => `/feed-${i}.xml`);
    routes.forEach((route, i) => fixtures.route(route, { headers: { "Content-Type": "application/rss+xml" }, body: rss(`s${i}`, 3) }));

    servers.push(await startServer(basePort + 2, env));
    const start = new Date(Date.now() - 1000);
    const ids = await addSources(handle, fixtures, routes);
    servers.push(await startServer(basePort + 3, env));

    // Both processes sweep at start and every minute; the claim lets one of them take each source.
    expect(await checkedAfter(handle, ids, start, 120_000)).toBe(true);
    await sleep(8_000);
    for (const route of routes) expect(fixtures.requests(route), route).toBe(1);
    expect(await entryCount(handle)).toBe(SOURCES * 3);

    // The interval passes: each source is due again, and again checked exactly once.
    const due = new Date();
    await handle.db.update(schema.sources).set({ nextCheckAt: sql`now()` }).where(isNull(schema.sources.deletedAt));
    expect(await checkedAfter(handle, ids, due, 120_000)).toBe(true);
    await sleep(8_000);
    for (const route of routes) expect(fixtures.requests(route), route).toBe(2);
    expect(await entryCount(handle)).toBe(SOURCES * 3);
  });

  it("SIGKILL during a check: after a restart the check runs again, no entry missing or doubled", { timeout: 300_000 }, async () => {
    const { env, handle, fixtures, servers } = await setUp(basePort + 21);
    // The first request never gets an answer (the process is killed while it waits); later ones do.
    let calls = 0;
    const held: http.ServerResponse[] = [];
    fixtures.route("/slow.xml", (_req, res) => {
      if (calls++ === 0) {
        held.push(res);
        return;
      }
      res.writeHead(200, { "Content-Type": "application/rss+xml" });
      res.end(rss("slow", 5));
    });
    servers.push(await startServer(basePort + 4, env));
    const [id] = await addSources(handle, fixtures, ["/slow.xml"]);
    const deadline = Date.now() + 90_000;
    while (calls === 0 && Date.now() < deadline) await sleep(200);
    expect(calls, "the check started").toBe(1);

    servers[0]!.child.kill("SIGKILL");
    await servers[0]!.exited;
    for (const res of held) res.destroy();
    servers.push(await startServer(basePort + 4, env));

    // The killed job's heartbeat stops; pg-boss fails it and retries it in the new process.
    const since = new Date(0);
    expect(await checkedAfter(handle, [id], since, 180_000)).toBe(true);
    const recovered = Date.now() + 60_000;
    while ((await entryCount(handle)) < 5 && Date.now() < recovered) await sleep(500);
    const entries = await handle.db.select().from(schema.intakeEntries).where(eq(schema.intakeEntries.sourceId, id));
    expect(entries).toHaveLength(5);
    expect(new Set(entries.map((e) => e.canonicalUrl)).size).toBe(5);
    const [source] = await handle.db.select().from(schema.sources).where(eq(schema.sources.id, id));
    expect(source.entriesFound).toBe(5);
    expect(source.lastError).toBeNull();
  });
});
