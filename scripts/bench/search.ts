/**
 * Benchmark (not a test): the search on both drivers at the bench's sizes (50,000 policies,
 * 20,000 annotations, 200,000 comments). Prints p50/p95 of the global search (the header dialog,
 * 5 hits per kind, and the /search page, 20 per kind) and of the policies filter (ranked page plus
 * capped count), for a one-term, a two-character, a multi-term and a mixed-script query, then the
 * EXPLAIN ANALYZE of every kind's query, showing the bigram GIN indexes at work.
 *
 *   npm run bench:search [-- --runs 30 --pglite-divisor 1 --skip-pglite --divisor 1]
 *   (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres, names the server)
 *
 * The workspace is generated on Postgres (./generate.ts), then moved into an embedded PGlite data
 * directory through the app's own backup and restore; `--pglite-divisor N` moves a workspace N
 * times smaller instead when the full one takes too long to restore.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { backupDatabase } from "../../db/backup/backup";
import { rowsOf } from "../../db/backup/plan";
import { restoreDatabase } from "../../db/backup/restore";
import { type DatabaseHandle, connectPostgres, openPglite, setDatabase } from "../../db/client";
import { parsePolicyFilters } from "../../lib/policies/filters";
import { listPolicyPage } from "../../lib/policies/filtered-list";
import { DIALOG_LIMIT, PAGE_LIMIT, explainGlobalSearch, globalSearch } from "../../lib/search/global";
import { runScript } from "../script-support";
import { FULL_SIZE, adminServerUrl, createWorkspace, scaled } from "./generate";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 30);
const PGLITE_DIVISOR = arg("pglite-divisor", 1);
// A quick trial of the script itself: everything N times smaller.
const DIVISOR = arg("divisor", 1);
const SIZE = DIVISOR > 1 ? scaled(FULL_SIZE, DIVISOR) : FULL_SIZE;
const SKIP_PGLITE = process.argv.includes("--skip-pglite");
const TARGET_P95_MS = 50;

const QUERIES: [string, string][] = [
  ["one term", "인공지능"],
  ["two characters", "표준"],
  ["multi-term", "데이터 안전 거버넌스"],
  ["mixed script", "人工智能 안전"],
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(run: () => Promise<unknown>) {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function measure(label: string, handle: DatabaseHandle) {
  const [row] = await rowsOf<Record<string, number>>(
    handle.db,
    sql`select (select count(*) from policies)::int policies, (select count(*) from annotations)::int annotations, (select count(*) from comments)::int comments`,
  );
  console.log(`\n## ${label}: ${row.policies} policies, ${row.annotations} annotations, ${row.comments} comments\n`);
  const viewer = (await handle.db.query.users.findFirst({ columns: { id: true }, where: (u, { eq }) => eq(u.role, "viewer") }))
    ?? (await handle.db.query.users.findFirst({ columns: { id: true } }))!;
  console.log("query | what | hits | p50 ms | p95 ms | p95 < 50 ms");
  for (const [name, q] of QUERIES) {
    const cases: [string, () => Promise<number>][] = [
      ["dialog (5 per kind)", async () => (await globalSearch(handle.db, viewer.id, q, DIALOG_LIMIT)).reduce((n, g) => n + g.hits.length, 0)],
      ["/search (20 per kind)", async () => (await globalSearch(handle.db, viewer.id, q, PAGE_LIMIT)).reduce((n, g) => n + g.hits.length, 0)],
      ["policies filter", async () => (await listPolicyPage(handle.db, parsePolicyFilters({ q }))).total],
    ];
    for (const [what, run] of cases) {
      const hits = await run();
      const { p50, p95 } = await timed(run);
      console.log(`${name} ${q} | ${what} | ${hits} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${p95 < TARGET_P95_MS ? "PASS" : "MISS"}`);
    }
  }
  console.log(`\nEXPLAIN ANALYZE of each kind's query (/search, ${PAGE_LIMIT + 1} rows):`);
  for (const [name, q] of QUERIES) {
    const plans = await explainGlobalSearch(handle.db, viewer.id, q, PAGE_LIMIT);
    for (const [kind, lines] of Object.entries(plans)) console.log(`\n-- ${label}, ${name} q=${q}, ${kind}\n${lines.join("\n")}`);
  }
}

async function main() {
  const stamp = Date.now().toString(36);
  console.log(DIVISOR > 1 ? `Generating a workspace ${DIVISOR}× smaller on Postgres…` : "Generating the full workspace on Postgres…");
  const workspace = await createWorkspace(adminServerUrl(), `pd_bench_search_${stamp}`, SIZE, (line) => console.log(line));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-desk-bench-search-"));
  const handle = connectPostgres(workspace.url, { max: 4 });
  let small: Awaited<ReturnType<typeof createWorkspace>> | undefined;
  try {
    console.log(`Generated in ${workspace.seconds.toFixed(1)} s`);
    setDatabase(handle);
    await measure("Postgres", handle);
    setDatabase(undefined);
    if (SKIP_PGLITE) return;

    let source: DatabaseHandle = handle;
    if (PGLITE_DIVISOR > 1) {
      small = await createWorkspace(adminServerUrl(), `pd_bench_search_${stamp}_small`, scaled(SIZE, PGLITE_DIVISOR));
      source = connectPostgres(small.url, { max: 2 });
    }
    const file = path.join(dir, "workspace.pd.gz");
    let t0 = performance.now();
    await backupDatabase(source, file);
    if (source !== handle) await source.close();
    console.log(`\nBacked up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const embedded = openPglite(path.join(dir, "pglite"));
    try {
      t0 = performance.now();
      await restoreDatabase(embedded, file);
      console.log(`Restored into PGlite in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await embedded.db.execute(sql`analyze`);
      setDatabase(embedded);
      await measure(PGLITE_DIVISOR > 1 ? `PGlite (workspace ${PGLITE_DIVISOR}× smaller)` : "PGlite", embedded);
    } finally {
      setDatabase(undefined);
      await embedded.close();
    }
  } finally {
    await handle.close();
    await workspace.drop();
    await small?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runScript(async () => {
  await main();
  return 0;
});
