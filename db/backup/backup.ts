import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { DatabaseHandle, Transaction } from "../client";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from "./format";
import { BackupError, type TablePlan, assertDatabaseAtCodeSchema, backupPlan, ident, rowsOf } from "./plan";

export type Progress = { table: string; done: number; total: number };
export type ProgressListener = (progress: Progress) => void;

const FETCH_SIZE = 2000;

/** The serial/identity sequences behind the planned tables, with their current values. */
async function readSequences(tx: Transaction, plans: TablePlan[]): Promise<BackupHeader["sequences"]> {
  const owned = await rowsOf<{ table: string; column: string; sequence: string }>(
    tx,
    sql`select c.table_name as "table", c.column_name as "column",
               pg_get_serial_sequence(format('%I.%I', c.table_schema, c.table_name), c.column_name) as "sequence"
          from information_schema.columns c
         where c.table_schema = 'public' and c.table_name in ${plans.map((p) => p.name)}
           and pg_get_serial_sequence(format('%I.%I', c.table_schema, c.table_name), c.column_name) is not null
         order by c.table_name collate "C", c.column_name collate "C"`,
  );
  const sequences: BackupHeader["sequences"] = [];
  for (const row of owned) {
    const [state] = await rowsOf<{ lastValue: string; isCalled: boolean }>(
      tx,
      sql.raw(`select last_value::text as "lastValue", is_called as "isCalled" from ${row.sequence}`),
    );
    sequences.push({ table: row.table, column: row.column, lastValue: state.lastValue, isCalled: state.isCalled });
  }
  return sequences;
}

/** The file's lines, read from one consistent snapshot with a cursor per table. */
async function* backupLines(tx: Transaction, plans: TablePlan[], onProgress?: ProgressListener): AsyncGenerator<string> {
  // row_to_json writes timestamps in the session's time zone: UTC, so equal databases give equal files.
  await tx.execute(sql`set local timezone = 'UTC'`);
  const schemaMark = await assertDatabaseAtCodeSchema(tx, "source");
  const tables: BackupHeader["tables"] = [];
  for (const plan of plans) {
    const [{ n }] = await rowsOf<{ n: string }>(tx, sql.raw(`select count(*)::text as n from ${ident(plan.name)}`));
    tables.push({ name: plan.name, columns: plan.columns, rows: Number(n) });
  }
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema: schemaMark,
    createdAt: new Date().toISOString(),
    tables,
    sequences: await readSequences(tx, plans),
  };
  yield `${JSON.stringify(header)}\n`;

  for (const [index, plan] of plans.entries()) {
    const total = tables[index].rows;
    yield `${JSON.stringify({ table: plan.name, rows: total })}\n`;
    const select = `select row_to_json(r)::text as line from (select ${plan.columns.map(ident).join(", ")} from ${ident(plan.name)} order by ${plan.orderBy}) r`;
    await tx.execute(sql.raw(`declare policy_desk_backup no scroll cursor for ${select}`));
    let done = 0;
    for (;;) {
      const batch = await rowsOf<{ line: string }>(tx, sql.raw(`fetch forward ${FETCH_SIZE} from policy_desk_backup`));
      if (!batch.length) break;
      yield batch.map((r) => `${r.line}\n`).join("");
      done += batch.length;
      onProgress?.({ table: plan.name, done, total });
    }
    await tx.execute(sql.raw("close policy_desk_backup"));
    if (done !== total) throw new Error(`${plan.name}: counted ${total} rows but read ${done}.`);
    if (total === 0) onProgress?.({ table: plan.name, done, total });
  }
}

/**
 * Writes every row of every table of the database to `file` (gzip'd JSON lines, see format.ts),
 * from one read-only snapshot, so a running Postgres-backed app may keep writing meanwhile. The
 * file appears only once complete; an existing file is never overwritten.
 */
export async function backupDatabase(handle: DatabaseHandle, file: string, options: { onProgress?: ProgressListener } = {}): Promise<BackupHeader> {
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: choose another name (a backup never overwrites a file).`);
  const plans = backupPlan();
  const partial = `${file}.partial`;
  let header: BackupHeader | undefined;
  try {
    await handle.db.transaction(
      async (tx) => {
        const lines = backupLines(tx, plans, options.onProgress);
        async function* capture() {
          for await (const chunk of lines) {
            header ??= JSON.parse(chunk) as BackupHeader;
            yield chunk;
          }
        }
        // Only the owner may read a backup (it holds password hashes); never written over another file.
        await pipeline(capture(), createGzip(), fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return header!;
}
