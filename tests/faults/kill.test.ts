import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, connectPostgres, openPglite } from "@/db/client";
import { adminUrl, databaseUrl } from "../support/postgres";
import { type Server, actionId, basePort, signIn, startServer, stopServer, tempDir, uniqueName } from "./support";

/**
 * SIGKILL in the middle of a burst of writes. Each write is a CSV import of three policies (one
 * transaction: three policies, their issuing-body and framework links, three activity entries).
 * After a restart on the same data, every import the client saw succeed is there in full, no
 * import is there in part, and every imported policy has exactly its one activity entry.
 */

const BATCH = 3;
const WORKERS = 4;
// Kill once this many imports were acknowledged, while the other workers' requests are in flight.
const KILL_AFTER_ACKS = 10;
const postgresServer = process.env.FAULTS_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

type ImportResult = { ok: boolean; report?: { created?: number; invalid: unknown[]; duplicates: unknown[] } };

async function rows<T>(handle: DatabaseHandle, query: SQL): Promise<T[]> {
  const result = await handle.db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/** Three policies with unrelated random titles (so none is a likely duplicate) and a tagged number. */
function batchCsv(tag: string, seq: number): string {
  const lines = ["title_zh,title_ko,document_number,issuing_bodies,framework_nodes,summary"];
  for (let i = 0; i < BATCH; i++) {
    const noise = randomBytes(8).toString("hex");
    lines.push(`标题${noise},제목${noise},${tag}-${seq}-${i},CAC,표준 및 규제,장애 시험 ${seq}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Imports batches from WORKERS concurrent clients, SIGKILLs the server mid-burst. */
async function burstAndKill(server: Server, tag: string) {
  const client = await signIn(server.url);
  const importAction = actionId("app/(workspace)/policies/actions.ts", "importPoliciesAction");
  const attempted = new Set<number>();
  const acknowledged = new Set<number>();
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (!killed) {
      const seq = next++;
      attempted.add(seq);
      try {
        const result = await client.action<ImportResult>("/policies/import", importAction, { csv: batchCsv(tag, seq), dryRun: false });
        if (!result.ok || result.report?.created !== BATCH) throw new Error(`import ${seq} was refused: ${JSON.stringify(result)}`);
        acknowledged.add(seq);
      } catch (error) {
        if (killed) return;
        throw error;
      }
      if (acknowledged.size >= KILL_AFTER_ACKS && !killed) {
        killed = true;
        server.child.kill("SIGKILL");
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  await server.exited;
  expect(server.child.signalCode).toBe("SIGKILL");
  return { attempted, acknowledged, inFlight: attempted.size - acknowledged.size };
}

/** What a restarted server and the database itself say about the imports. */
async function checkAfterRestart(handle: DatabaseHandle, tag: string, attempted: Set<number>, acknowledged: Set<number>) {
  const found = await rows<{ id: string; number: string; bigrams: number; bodies: number; nodes: number; entries: number }>(
    handle,
    sql`select p.id, p.document_number as number, cardinality(p.search_bigrams) as bigrams,
               (select count(*)::int from policy_issuing_bodies b where b.policy_id = p.id) as bodies,
               (select count(*)::int from policy_framework_nodes n where n.policy_id = p.id) as nodes,
               (select count(*)::int from activity a where a.entity_type = 'policy' and a.entity_id = p.id::text) as entries
        from policies p where p.document_number like ${`${tag}-%`}`,
  );
  const perImport = new Map<number, number>();
  for (const row of found) {
    const seq = Number(row.number.split("-").at(-2));
    perImport.set(seq, (perImport.get(seq) ?? 0) + 1);
  }
  for (const seq of acknowledged) expect(perImport.get(seq), `acknowledged import ${seq}`).toBe(BATCH);
  for (const [seq, n] of perImport) {
    expect(attempted.has(seq), `import ${seq} was never sent`).toBe(true);
    expect(n, `import ${seq} is there in part`).toBe(BATCH);
  }
  for (const row of found) {
    expect({ number: row.number, bodies: row.bodies, nodes: row.nodes, entries: row.entries, indexed: row.bigrams > 0 }).toEqual({
      number: row.number,
      bodies: 1,
      nodes: 1,
      entries: 1,
      indexed: true,
    });
  }
  // No activity entry for a policy that is not there.
  const orphans = await rows<{ n: number }>(
    handle,
    sql`select count(*)::int as n from activity a where a.action = 'policy.imported'
        and not exists (select 1 from policies p where p.id::text = a.entity_id)`,
  );
  expect(Number(orphans[0].n)).toBe(0);
  return found.length;
}

/** The restarted server serves every acknowledged policy through the app's own export. */
async function exportedNumbers(server: Server, tag: string): Promise<Set<string>> {
  const client = await signIn(server.url);
  const res = await client.get(`/api/policies/export.json?q=${encodeURIComponent(tag)}`);
  expect(res.status).toBe(200);
  const policies = (await res.json()) as { document_number: string }[];
  return new Set(policies.map((p) => p.document_number));
}

function expectServed(numbers: Set<string>, tag: string, acknowledged: Set<number>) {
  for (const seq of acknowledged) for (let i = 0; i < BATCH; i++) expect(numbers.has(`${tag}-${seq}-${i}`), `${tag}-${seq}-${i} served`).toBe(true);
}

describe("SIGKILL during a burst of writes", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("embedded PGlite: reopens, keeps every acknowledged write, none in part", { timeout: 240_000 }, async () => {
    const dataDir = tempDir("pd-faults-kill-");
    let server: Server | undefined;
    cleanups.push(async () => {
      await stopServer(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const env = { DATA_DIR: dataDir, DATABASE_URL: "" };
    const tag = `FAULT-${randomBytes(3).toString("hex")}`;

    server = await startServer(basePort, env);
    const killedPid = server.child.pid;
    const { attempted, acknowledged, inFlight } = await burstAndKill(server, tag);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // The dead process's lock file stays behind: the next start must take it over.
    expect(fs.readFileSync(path.join(dataDir, "pglite.lock"), "utf8")).toBe(String(killedPid));

    server = await startServer(basePort, env);
    expectServed(await exportedNumbers(server, tag), tag, acknowledged);
    await stopServer(server);

    const handle = openPglite(path.join(dataDir, "pglite"));
    try {
      const total = await checkAfterRestart(handle, tag, attempted, acknowledged);
      console.log(`PGlite: ${acknowledged.size} imports acknowledged, ${inFlight} in flight at the kill, ${total / BATCH} found`);
    } finally {
      await handle.close();
    }
  });

  it("Postgres: keeps every acknowledged write, none in part", { timeout: 240_000 }, async () => {
    const name = uniqueName("pd_faults_kill_");
    const maintenance = connectPostgres(adminUrl(postgresServer), { max: 1 });
    await maintenance.sql.unsafe(`create database "${name}"`);
    const url = databaseUrl(postgresServer, name);
    const dataDir = tempDir("pd-faults-kill-pg-");
    let server: Server | undefined;
    cleanups.push(async () => {
      await stopServer(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
      await maintenance.sql.unsafe(`drop database if exists "${name}" with (force)`);
      await maintenance.close();
    });
    const env = { DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("base64url"), DATA_DIR: dataDir };
    const tag = `FAULT-${randomBytes(3).toString("hex")}`;

    server = await startServer(basePort + 1, env);
    const { attempted, acknowledged, inFlight } = await burstAndKill(server, tag);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    server = await startServer(basePort + 1, env);
    expectServed(await exportedNumbers(server, tag), tag, acknowledged);

    const handle = connectPostgres(url, { max: 1 });
    try {
      const total = await checkAfterRestart(handle, tag, attempted, acknowledged);
      console.log(`Postgres: ${acknowledged.size} imports acknowledged, ${inFlight} in flight at the kill, ${total / BATCH} found`);
    } finally {
      await handle.close();
    }
  });
});
