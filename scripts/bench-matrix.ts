/**
 * `npm run bench:matrix`: builds a throwaway Postgres database with 200 framework nodes, 500
 * response items and 50,000 policies (plus impacts), then times the framework matrix's queries
 * (getFrameworkMatrix, the same code the page runs) and prints p50/p95. Not a test.
 *
 * BENCH_POSTGRES_URL: a server where the user may create databases (default: the local one).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { connectPostgres, setDatabase } from "../db/client";
import { migrateAndSeed } from "../db/migrate";
import { getFrameworkMatrix } from "../lib/response-items/matrix";

const server = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sizes = { nodes: 200, items: 500, policies: 50_000, impacts: 25_000, runs: 30 };

function urlFor(database: string) {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const name = `bench_matrix_${randomBytes(4).toString("hex")}`;
  const admin = connectPostgres(server, { max: 1 });
  await admin.sql.unsafe(`create database "${name}"`);
  const handle = connectPostgres(urlFor(name), { max: 4 });
  try {
    await migrateAndSeed(handle, false);
    setDatabase(handle);
    const started = performance.now();
    const q = (text: string) => handle.sql.unsafe(text);
    await q(`insert into users (email, display_name, password_hash, role) values ('bench@example.test', 'Bench', 'x', 'admin')`);
    await q(`insert into framework_dimensions (key, name_ko, name_en, position) select 'dim' || g, '차원 ' || g, 'Dimension ' || g, g from generate_series(1, 4) g`);
    await q(`insert into framework_nodes (dimension_id, label_ko, label_en, position)
             select d.id, '노드 ' || d.position || '-' || g, 'Node ' || d.position || '-' || g, g
             from framework_dimensions d, generate_series(1, ${sizes.nodes / 4}) g`);
    await q(`insert into response_items (title, status, priority)
             select '대응 과제 ' || g, (array['not_started','in_progress','blocked','done','dropped'])[1 + g % 5]::item_status, 'medium'
             from generate_series(1, ${sizes.items}) g`);
    // Each item covers 1–3 nodes, each policy carries 2–3 nodes (spread deterministically).
    await q(`with n as (select id, row_number() over () as rn from framework_nodes),
             i as (select id, row_number() over () as rn from response_items)
             insert into response_item_framework_nodes (response_item_id, node_id)
             select distinct i.id, n.id from i join n
               on n.rn in (1 + (i.rn * 3) % ${sizes.nodes}, 1 + (i.rn * 7) % ${sizes.nodes}, 1 + (i.rn * 11) % ${sizes.nodes})
             where n.rn = 1 + (i.rn * 3) % ${sizes.nodes} or i.rn % 2 = 0`);
    await q(`insert into policies (title_ko, announced_on, created_at)
             select '정책 ' || g, current_date - (g % 1000), now() - make_interval(days => g % 1000)
             from generate_series(1, ${sizes.policies}) g`);
    await q(`with numbered as (select id, row_number() over () as rn from framework_nodes),
             p as (select id, row_number() over () as rn from policies)
             insert into policy_framework_nodes (policy_id, node_id)
             select distinct p.id, numbered.id from p join numbered
               on numbered.rn in (1 + (p.rn * 7) % ${sizes.nodes}, 1 + (p.rn * 13) % ${sizes.nodes}, 1 + (p.rn * 31) % ${sizes.nodes})
             where numbered.rn <> 1 + (p.rn * 31) % ${sizes.nodes} or p.rn % 3 = 0`);
    await q(`with p as (select id, row_number() over () as rn from policies),
             i as (select id, row_number() over () as rn from response_items)
             insert into impacts (policy_id, response_item_id, created_by_id, acknowledged_at, removed_at)
             select p.id, i.id, (select id from users limit 1),
                    case when p.rn % 2 = 0 then now() end, case when p.rn % 10 = 0 then now() end
             from p join i on i.rn = 1 + (p.rn * 17) % ${sizes.items}
             where p.rn <= ${sizes.impacts}`);
    await q(`analyze`);
    const counts = await q(`select (select count(*) from framework_nodes) nodes, (select count(*) from response_items) items,
             (select count(*) from policies) policies, (select count(*) from policy_framework_nodes) policy_tags,
             (select count(*) from response_item_framework_nodes) item_tags, (select count(*) from impacts) impacts`);
    console.log(`data: ${JSON.stringify(counts[0])} (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

    await getFrameworkMatrix(); // warm-up
    const times: number[] = [];
    let cells = 0;
    for (let run = 0; run < sizes.runs; run++) {
      const t0 = performance.now();
      const matrix = await getFrameworkMatrix();
      times.push(performance.now() - t0);
      cells = matrix.items.length * matrix.dimensions.reduce((n, d) => n + d.nodes.length, 0);
    }
    times.sort((a, b) => a - b);
    console.log(`matrix queries (${cells} cells, ${sizes.runs} runs): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
  } finally {
    setDatabase(undefined);
    await handle.close();
    await admin.sql.unsafe(`drop database if exists "${name}"`);
    await admin.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
