/**
 * `npm run bench:reports`: builds a throwaway Postgres database with 50,000 policies (./generate.ts,
 * like `npm run bench:matrix`), then times a one-month period report: generating and saving it
 * (saveReport, what the form's action runs) and rendering it as DOCX and Markdown. Prints p50 and
 * max over a few runs. Not a test.
 *
 * BENCH_POSTGRES_URL: a server where the user may create databases (default: the local one).
 */
import { performance } from "node:perf_hooks";
import { connectPostgres, setDatabase } from "../../db/client";
import { addDays, todayIn } from "../../lib/format";
import { buildReportContent } from "../../lib/reports/build";
import { reportDocx } from "../../lib/reports/docx";
import { saveReport } from "../../lib/reports/generate-report";
import { reportMarkdown } from "../../lib/reports/markdown";
import { reportOutline } from "../../lib/reports/outline";
import { reportSections } from "../../lib/vocab";
import { FULL_SIZE, adminServerUrl, createWorkspace } from "./generate";

const runs = 5;
const ms = (t0: number) => performance.now() - t0;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
};

async function main() {
  const size = { ...FULL_SIZE, comments: 1 };
  const workspace = await createWorkspace(adminServerUrl(), `pd_bench_${Date.now().toString(36)}`, size);
  const handle = connectPostgres(workspace.url, { max: 4 });
  try {
    setDatabase(handle);
    console.log(`data: ${JSON.stringify(workspace.counts)} (built in ${workspace.seconds.toFixed(1)} s)`);
    const to = todayIn();
    const request = { authorId: null, title: "bench", from: addDays(to, -30), to, language: "ko" as const, sections: reportSections };
    const generate: number[] = [];
    let reportId = "";
    for (let run = 0; run <= runs; run++) {
      const t0 = performance.now();
      ({ reportId } = await saveReport(request));
      if (run > 0) generate.push(ms(t0)); // the first is a warm-up
    }
    const [row] = await handle.sql`select content, pg_column_size(content) bytes from reports where id = ${reportId}`;
    const content = row.content;
    console.log(
      `one-month report (${request.from} – ${request.to}): ${content.policies.total} policies, ${content.impacts.raised.length} impacts raised, ` +
        `${content.impacts.acknowledged.length} acknowledged, ${content.items.statusChanged.length} items changed, ${content.items.due.length} due, ` +
        `${content.blindSpots.length} blind spots, ${content.annotations.opened.length} annotations opened; stored ${(Number(row.bytes) / 1e6).toFixed(1)} MB`,
    );
    console.log(`generate and save (${runs} runs): ${summary(generate)}`);
    const perSection: string[] = [];
    for (const section of reportSections) {
      const t0 = performance.now();
      await buildReportContent(handle.db, { ...request, sections: [section] });
      perSection.push(`${section} ${ms(t0).toFixed(0)} ms`);
    }
    console.log(`reading each section alone: ${perSection.join(", ")}`);
    // Rendering is timed once: a month of this generator's data is far beyond a real briefing.
    const blocks = reportOutline({ title: "bench", authorName: null, generatedAt: new Date() }, content);
    let t0 = performance.now();
    const text = reportMarkdown(blocks, "http://localhost:3000");
    console.log(`render Markdown: ${ms(t0).toFixed(0)} ms (${(text.length / 1e6).toFixed(1)} M characters)`);
    t0 = performance.now();
    const file = await reportDocx(blocks, "http://localhost:3000");
    console.log(`render DOCX: ${ms(t0).toFixed(0)} ms (${(file.length / 1e6).toFixed(1)} MB)`);
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
