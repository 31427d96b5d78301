/**
 * Benchmark (not a test): backup and restore times for a large workspace. Loads 50,000 policies
 * and 20,000 comments into a throwaway Postgres database, backs it up, restores the file into a
 * new Postgres database and into a new embedded (PGlite) data directory, and backs that up again.
 *
 *   npm run bench:backup [-- --policies 50000 --comments 20000]
 *   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, names the server)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { backupDatabase } from "../db/backup/backup";
import { restoreDatabase } from "../db/backup/restore";
import { connectPostgres, openPglite } from "../db/client";
import { migrateAndSeed } from "../db/migrate";
import { reindexPolicySearch } from "../lib/policies/reindex-search";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const POLICIES = arg("policies", 50_000);
const COMMENTS = arg("comments", 20_000);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main() {
  const stamp = Date.now().toString(36);
  const names = [`pd_bench_backup_${stamp}_a`, `pd_bench_backup_${stamp}_b`];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-desk-bench-backup-"));
  const admin = connectPostgres(server, { max: 1 });
  for (const name of names) await admin.sql.unsafe(`create database "${name}"`);
  const source = connectPostgres(urlOf(names[0]), { max: 2 });
  const target = connectPostgres(urlOf(names[1]), { max: 2 });
  try {
    await migrateAndSeed(source, { adminPassword: "bench-admin-password" });
    await timed(`load ${POLICIES} policies + ${COMMENTS} comments`, async () => {
      await source.db.execute(sql`
        insert into policies (title_zh, title_ko, document_number, summary, summary_text, announced_on)
        select '关于人工智能' || i || '的通知', '인공지능 정책 ' || i, '国发〔2026〕' || i || '号',
               jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
                 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', '요약 摘要 ' || i))))),
               '요약 摘要 ' || i, date '2015-01-01' + (i % 4000)
          from generate_series(1, ${POLICIES}) i`);
      await source.db.execute(sql`
        insert into comments (target_type, target_id, author_id, body, body_text, created_at)
        select 'policy', p.id, (select id from users limit 1),
               jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
                 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', '댓글 评论 ' || p.n))))),
               '댓글 评论 ' || p.n, now() - p.n * interval '1 second'
          from (select id, row_number() over (order by id) as n from policies) p
         where p.n <= ${COMMENTS}`);
    });
    // As the app would have written them: otherwise the restores below would time a re-index too.
    await timed("index the policies for search", () => reindexPolicySearch(source.db));
    const file = path.join(dir, "bench.pd.gz");
    await timed("backup from Postgres", () => backupDatabase(source, file));
    console.log(`file: ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
    await timed("restore into a new Postgres database (migrations included)", () => restoreDatabase(target, file));
    const embedded = openPglite(path.join(dir, "pglite"));
    try {
      await timed("restore into a new PGlite data directory (initdb and migrations included)", () => restoreDatabase(embedded, file));
      await timed("backup from PGlite", () => backupDatabase(embedded, path.join(dir, "again.pd.gz")));
    } finally {
      await embedded.close();
    }
  } finally {
    await Promise.all([source.close(), target.close()]);
    for (const name of names) await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
