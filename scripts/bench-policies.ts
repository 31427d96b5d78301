/**
 * Benchmark (not a test): loads 50,000 policies into a throwaway Postgres database and prints
 * p50/p95 server time for the filtered list and for search with 1-, 2- and 4-character Chinese
 * and Korean queries, with the EXPLAIN plan of each search (showing the bigram GIN index).
 *
 *   npm run bench:policies [-- --rows 50000 --runs 30]
 *   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, names the server)
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { connectPostgres, setDatabase } from "../db/client";
import { migrateAndSeed } from "../db/migrate";
import { frameworkNodes, policies, policyFrameworkNodes } from "../db/schema";
import { parsePolicyFilters } from "../lib/policies/filters";
import { filterCondition, listPolicyPage } from "../lib/policies/filtered-list";
import { searchBigrams } from "../lib/policies/search-terms";
import { instrumentTypes, policyStatuses, priorities } from "../lib/vocab";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 50_000);
const RUNS = arg("runs", 30);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const zhWords = ["人工智能", "生成式", "服务", "管理", "办法", "标准", "体系", "建设", "指南", "数据", "安全", "算法", "推荐", "深度合成", "标识", "产业", "发展", "行动", "计划", "试验区", "创新", "治理", "伦理", "规范", "芯片", "算力", "开源", "模型", "通知", "意见"];
const koWords = ["인공지능", "생성형", "서비스", "관리", "방법", "표준", "체계", "구축", "지침", "데이터", "안전", "알고리즘", "추천", "딥페이크", "표시", "산업", "발전", "행동", "계획", "시범구", "혁신", "거버넌스", "윤리", "규범", "반도체", "컴퓨팅", "오픈소스", "모델", "통지", "의견"];

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
const phrase = (words: string[], n: number, sep: string) => Array.from({ length: n }, () => pick(words)).join(sep);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const name = `pd_bench_${Date.now().toString(36)}`;
  const admin = connectPostgres(server, { max: 1 });
  await admin.sql.unsafe(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString(), { max: 4 });
  setDatabase(handle);
  try {
    await migrateAndSeed(handle, { adminPassword: "bench-admin-password" });
    const nodes = await handle.db.select({ id: frameworkNodes.id }).from(frameworkNodes);
    console.log(`Loading ${ROWS} policies into ${name}…`);
    const started = performance.now();
    for (let done = 0; done < ROWS; done += 1000) {
      const batch = Array.from({ length: Math.min(1000, ROWS - done) }, (_, i) => {
        const titleZh = `关于${phrase(zhWords, 3 + Math.floor(rand() * 3), "")}的${pick(["通知", "意见", "办法"])}`;
        const titleKo = `${phrase(koWords, 3 + Math.floor(rand() * 3), " ")} ${pick(["통지", "의견", "방법"])}`;
        const summaryText = `${phrase(koWords, 12, " ")}. ${phrase(zhWords, 8, "")}`;
        const documentNumber = `国发〔${2015 + Math.floor(rand() * 11)}〕${done + i}号`;
        const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3900) * 86_400_000).toISOString().slice(0, 10);
        return {
          titleZh,
          titleKo,
          documentNumber,
          summaryText,
          instrumentType: pick(instrumentTypes),
          status: pick(policyStatuses),
          significance: pick(priorities),
          announcedOn: day,
          searchBigrams: searchBigrams(titleZh, titleKo, documentNumber, summaryText),
        };
      });
      const ids = await handle.db.insert(policies).values(batch).returning({ id: policies.id });
      await handle.db.insert(policyFrameworkNodes).values(ids.flatMap(({ id }) => [{ policyId: id, nodeId: pick(nodes).id }])).onConflictDoNothing();
    }
    await handle.db.execute(sql`analyze`);
    console.log(`Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

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
    await handle.close();
    await admin.sql.unsafe(`drop database if exists "${name}"`);
    await admin.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
