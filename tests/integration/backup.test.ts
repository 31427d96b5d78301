import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase } from "@/db/backup/backup";
import { BackupError, backupPlan, ident, rowsOf } from "@/db/backup/plan";
import { restoreDatabase } from "@/db/backup/restore";
import { type DatabaseHandle, type Executor, connectPostgres, openMemoryPglite } from "@/db/client";
import { adminUrl, databaseUrl } from "../support/postgres";
import { backupContent, backupLines, fingerprint, writeBackupLines } from "./backup-files";
import { buildBackupWorkspace } from "./backup-workspace";
import { driver, withFreshDatabase } from "./harness";

const t = withFreshDatabase();
const opened: DatabaseHandle[] = [];
let dir: string;
let original: string;

/** An empty, migrated database of the given kind. */
async function emptyDatabase(kind: "pglite" | "postgres"): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (kind === "postgres") {
    const url = process.env.DATABASE_URL!;
    const template = inject("postgresTemplate");
    const name = `${template}_${randomBytes(4).toString("hex")}`;
    const admin = connectPostgres(adminUrl(url), { max: 1 });
    await admin.sql.unsafe(`create database "${name}" template "${template}"`);
    await admin.close();
    handle = connectPostgres(databaseUrl(url, name), { max: 2 });
  } else {
    // On a Postgres run there is no PGlite template: the restore migrates the new database itself.
    const template = inject("pgliteTemplate");
    handle = openMemoryPglite(template ? { loadDataDir: new Blob([fs.readFileSync(template)]) } : {});
  }
  opened.push(handle);
  return handle;
}

const one = async <T>(db: Executor, query: ReturnType<typeof sql>) => (await rowsOf<T>(db, query))[0];
const counts = async (db: Executor) => {
  const out: Record<string, number> = {};
  for (const plan of backupPlan()) out[plan.name] = Number((await one<{ n: string }>(db, sql.raw(`select count(*)::text as n from ${ident(plan.name)}`))).n);
  return out;
};
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: Error) => `${error instanceof BackupError ? "BackupError" : error.name}: ${error.message} ${error.cause instanceof Error ? error.cause.message : ""}`,
  );

beforeAll(async () => {
  await buildBackupWorkspace(t.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-desk-backup-"));
  original = path.join(dir, "original.pd.gz");
  await backupDatabase(t.handle, original);
});
afterAll(async () => {
  for (const handle of opened) await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  it("writes the backup for its owner only (it holds password hashes)", () => {
    expect(fs.statSync(original).mode & 0o777).toBe(0o600);
  });

  it("has rows in every table of the schema, so the round trip covers them all", async () => {
    const empty = Object.entries(await counts(t.db)).filter(([, n]) => n === 0);
    expect(empty).toEqual([]);
    const header = backupContent(original).header as { tables: { name: string; rows: number }[]; sequences: unknown[] };
    expect(header.tables.map((table) => table.name).sort()).toEqual(backupPlan().map((p) => p.name).sort());
    expect(header.sequences).toHaveLength(2); // activity.id, response_items.number
  });

  it("has a value other than the default in every column, so a column the backup left out (restored as its default) would show", async () => {
    const columns = await rowsOf<{ table: string; column: string; fallback: string | null }>(
      t.db,
      sql`select table_name as "table", column_name as "column", column_default as fallback
            from information_schema.columns where table_schema = 'public' order by 1, 2`,
    );
    const uniform: string[] = [];
    for (const { table, column, fallback } of columns) {
      // A sequence's default is not evaluated here (it would advance the sequence): any value will do.
      const differs = fallback && !fallback.startsWith("nextval(") ? ` and ${ident(column)} is distinct from ${fallback}` : "";
      const { n } = await one<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${ident(table)} where ${ident(column)} is not null${differs}`));
      if (n === 0) uniform.push(`${table}.${column}`);
    }
    expect(uniform).toEqual([]);
  });

  // On a Postgres run the new PGlite is created and migrated from scratch: seconds on a busy machine.
  it(`restores a ${driver} backup into a fresh PGlite and backs up to the same content`, { timeout: 180_000 }, async () => {
    const target = await emptyDatabase("pglite");
    await restoreDatabase(target, original);
    // Every session from before the restore ended: each user's session version moved on by one.
    const versions = sql`select string_agg(id || ':' || session_version, ',' order by id) as v from users`;
    const bumped = sql`select string_agg(id || ':' || (session_version + 1), ',' order by id) as v from users`;
    expect((await one<{ v: string }>(target.db, versions)).v).toBe((await one<{ v: string }>(t.db, bumped)).v);
    await target.db.execute(sql`update users set session_version = session_version - 1`);
    const again = path.join(dir, "again.pd.gz");
    await backupDatabase(target, again);
    expect(backupContent(again)).toEqual(backupContent(original));
    // Independently of the backup code: every table and column, as the catalogs list them.
    expect(await fingerprint(target.db)).toEqual(await fingerprint(t.db));

    // Values a JavaScript round trip would damage, read back from the restored database itself.
    const stamp = sql`select deactivated_at::text as v from users where deactivated_at is not null`;
    expect((await one<{ v: string }>(target.db, stamp)).v).toBe((await one<{ v: string }>(t.db, stamp)).v);
    expect((await one<{ v: string }>(target.db, stamp)).v).toMatch(/\.123456\+00$/);
    const precise = sql`select after->>'n' as v from activity where action = 'precision'`;
    expect((await one<{ v: string }>(target.db, precise)).v).toBe("12345678901234567890.123456789");
    // The generated column is recomputed, the cycle and the self-reference are set.
    const search = sql`select string_agg(search_text, '|' order by id) as v from policies`;
    expect((await one<{ v: string }>(target.db, search)).v).toBe((await one<{ v: string }>(t.db, search)).v);
    expect((await one<{ n: string }>(target.db, sql`select count(*)::text as n from briefs b join brief_revisions r on r.id = b.current_revision_id`)).n).toBe(
      (await one<{ n: string }>(t.db, sql`select count(*)::text as n from briefs where current_revision_id is not null`)).n,
    );
    expect((await one<{ n: string }>(target.db, sql`select count(*)::text as n from framework_nodes where merged_into_id is not null`)).n).toBe("1");
    // Sequences continue where the source's stopped; the activity log is still append-only.
    const next = sql`select nextval(pg_get_serial_sequence('response_items', 'number'))::text as v`;
    expect((await one<{ v: string }>(target.db, next)).v).toBe((await one<{ v: string }>(t.db, next)).v);
    expect(await refusal(target.db.execute(sql`delete from activity`))).toMatch(/append-only/);
  });

  it("refuses a database that holds data, and replaces it with --force", async () => {
    const target = await emptyDatabase(driver);
    await restoreDatabase(target, original);
    const before = await counts(target.db);
    expect(await refusal(restoreDatabase(target, original))).toMatch(/^BackupError: The target database already holds data \(.*users: \d+/);
    expect(await counts(target.db)).toEqual(before);

    await target.db.execute(sql`insert into activity (action, entity_type, entity_id) values ('extra', 'x', 'y')`);
    // A user signed out everywhere after the backup was taken (three times): those sessions stay ended.
    const [{ id: revoked }] = await rowsOf<{ id: string }>(target.db, sql`select id from users order by id limit 1`);
    await target.db.execute(sql`update users set session_version = session_version + 3 where id = ${revoked}`);
    const [{ v: revokedAt }] = await rowsOf<{ v: number }>(target.db, sql`select session_version as v from users where id = ${revoked}`);
    await restoreDatabase(target, original, { force: true });
    const [{ v: afterRestore }] = await rowsOf<{ v: number }>(target.db, sql`select session_version as v from users where id = ${revoked}`);
    expect(afterRestore).toBeGreaterThan(revokedAt);
    await target.db.execute(sql`update users u set session_version = o.v from (values ${sql.raw((await rowsOf<{ id: string; v: number }>(t.db, sql`select id, session_version as v from users`)).map((r) => `('${r.id}'::uuid, ${r.v})`).join(", "))}) as o(id, v) where u.id = o.id`);
    const again = path.join(dir, "forced.pd.gz");
    await backupDatabase(target, again);
    expect(backupContent(again)).toEqual(backupContent(original));
    // Emptying lifted the activity log's triggers only inside the restore's transaction.
    expect(await refusal(target.db.execute(sql`delete from activity`))).toMatch(/append-only/);
  });

  it("writes nothing when the file fails part-way: one transaction", async () => {
    const target = await emptyDatabase(driver);
    const lines = backupLines(original);
    // The last table's first row points at an annotation that does not exist.
    const last = lines.length - 1;
    lines[last] = lines[last].replace(/"annotation_id":"[0-9a-f-]+"/, '"annotation_id":"00000000-0000-0000-0000-000000000000"');
    const broken = path.join(dir, "broken.pd.gz");
    writeBackupLines(broken, lines);
    expect(await refusal(restoreDatabase(target, broken))).toMatch(/annotation_links|foreign key|violates/);
    expect(Object.values(await counts(target.db)).every((n) => n === 0)).toBe(true);

    const truncated = path.join(dir, "truncated.pd.gz");
    const bytes = fs.readFileSync(original);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(await refusal(restoreDatabase(target, truncated))).toMatch(/^BackupError: .*(damaged|ends early)/);
    expect(Object.values(await counts(target.db)).every((n) => n === 0)).toBe(true);
  });

  it("refuses a backup made at another schema, and a file that is not a backup", async () => {
    const target = await emptyDatabase(driver);
    const [header, ...rest] = backupLines(original);
    const older = { ...JSON.parse(header), schema: { migration: "0004_presence", hash: "0".repeat(64), when: 1 } };
    const file = path.join(dir, "older.pd.gz");
    writeBackupLines(file, [JSON.stringify(older), ...rest]);
    expect(await refusal(restoreDatabase(target, file))).toMatch(/^BackupError: This backup was made at schema 0004_presence; this version of Policy Desk is at \d{4}_/);

    const notBackup = path.join(dir, "not-a-backup.pd.gz");
    fs.writeFileSync(notBackup, "title_zh,title_ko\n");
    expect(await refusal(restoreDatabase(target, notBackup))).toMatch(/^BackupError: .*not a Policy Desk backup/);
    expect(await refusal(backupDatabase(target, original))).toMatch(/^BackupError: .*already exists/);
  });
});
