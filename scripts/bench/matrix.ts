/**
 * `npm run bench:matrix`: builds a throwaway Postgres database with 200 framework nodes, 500
 * response items and 50,000 policies plus 25,000 impacts (./generate.ts, like `npm run bench`),
 * then times the framework matrix's queries (getFrameworkMatrix, the same code the page runs)
 * and prints p50/p95. Not a test.
 *
 * BENCH_POSTGRES_URL: a server where the user may create databases (default: the local one).
 */
import { performance } from "node:perf_hooks";
import { connectPostgres, setDatabase } from "../../db/client";
import { getFrameworkMatrix } from "../../lib/response-items/matrix";
import { FULL_SIZE, adminServerUrl, createWorkspace } from "./generate";

const runs = 30;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  // The matrix reads nodes, items, their tags and impacts: no annotations or comments needed.
  const size = { ...FULL_SIZE, annotations: 1, annotationsOnCurrent: 1, comments: 1 };
  const workspace = await createWorkspace(adminServerUrl(), `pd_bench_${Date.now().toString(36)}`, size);
  const handle = connectPostgres(workspace.url, { max: 4 });
  try {
    setDatabase(handle);
    const counts = workspace.counts;
    console.log(`data: ${JSON.stringify(counts)} (built in ${workspace.seconds.toFixed(1)} s)`);

    await getFrameworkMatrix(); // warm-up
    const times: number[] = [];
    let cells = 0;
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const matrix = await getFrameworkMatrix();
      times.push(performance.now() - t0);
      cells = matrix.items.length * matrix.dimensions.reduce((n, d) => n + d.nodes.length, 0);
    }
    times.sort((a, b) => a - b);
    console.log(`matrix queries (${cells} cells, ${runs} runs): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
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
