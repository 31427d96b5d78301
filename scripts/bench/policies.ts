/**
 * Benchmark (not a test): loads 50,000 policies into a throwaway Postgres database and prints
 * p50/p95 server time for the filtered list and for search with 1-, 2- and 4-character Chinese
 * and Korean queries, with the EXPLAIN plan of each search (showing the bigram GIN index).
 *
 *   npm run bench:policies [-- --rows 50000 --runs 30]
 *   (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres, names the server;
 *   the data comes from ./generate.ts, like `npm run bench`'s)
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { connectPostgres, setDatabase } from "../../db/client";
import { policies } from "../../db/schema";
import { parsePolicyFilters } from "../../lib/policies/filters";
import { filterCondition, listPolicyPage } from "../../lib/policies/filtered-list";
import { FULL_SIZE, adminServerUrl, createWorkspace } from "./generate";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 50_000);
const RUNS = arg("runs", 30);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  console.log(`Loading ${ROWS} policies…`);
  // Only the policies (and the framework they are tagged with) matter here.
  const size = { ...FULL_SIZE, users: 1, policies: ROWS, responseItems: 1, annotations: 1, annotationsOnCurrent: 1, comments: 1 };
  const workspace = await createWorkspace(adminServerUrl(), `pd_bench_${Date.now().toString(36)}`, size);
  const handle = connectPostgres(workspace.url, { max: 4 });
  setDatabase(handle);
  try {
    console.log(`Loaded in ${workspace.seconds.toFixed(1)} s\n`);
    const [node] = await handle.sql`select node_id id from policy_framework_nodes group by node_id order by count(*) desc limit 1`;
    const nodes = [{ id: String(node.id) }];

    const cases: [string, Record<string, string>][] = [
      ["list: first page, default sort", {}],
      ["list: node + status + date range", { node: nodes[0].id, status: "issued", from: "2018-01-01", to: "2022-12-31" }],
      ["list: type + significance, page 20", { type: "standard", significance: "high", page: "20" }],
      ["search zh 1 char 标", { q: "标" }],
      ["search zh 2 chars 标准", { q: "标准" }],
      ["search zh 4 chars 人工智能", { q: "人工智能" }],
      ["search ko 1 char 표", { q: "표" }],
      ["search ko 2 chars 표준", { q: "표준" }],
      ["search ko 4 chars 인공지능", { q: "인공지능" }],
      ["search zh 2 chars + filter", { q: "芯片", status: "in_force" }],
    ];
    console.log("case | rows | p50 ms | p95 ms");
    for (const [label, params] of cases) {
      const filters = parsePolicyFilters(params);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        total = (await listPolicyPage(handle.db, filters)).total;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(`${label} | ${total} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)}`);
    }
    console.log("\nEXPLAIN (count query) for the searches:");
    for (const q of ["标准", "人工智能", "표준", "인공지능", "표"]) {
      const plan = await handle.db.execute(sql`explain analyze select count(*) from ${policies} where ${filterCondition(parsePolicyFilters({ q }))}`);
      const lines = (plan as unknown as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]);
      console.log(`\n-- q=${q}\n${lines.join("\n")}`);
    }
  } finally {
    setDatabase(undefined);
    await handle.close();
    await workspace.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
