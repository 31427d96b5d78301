import { and, eq, lte, sql } from "drizzle-orm";
import { users } from "../schema";
import { z } from "zod";
import type { DatabaseHandle, Transaction } from "../client";
import { migrateAndSeed } from "../migrate";
import { reindexSearch } from "../../lib/search/reindex";
import type { ProgressListener } from "./backup";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupReader, backupHeaderSchema, openBackupReader, parseLine, tableMarkerSchema } from "./format";
import { BackupError, type TablePlan, assertDatabaseAtCodeSchema, backupPlan, codeSchemaMark, ident, rowsOf } from "./plan";

// Rows are sent to the server as one JSON array per batch, expanded there by json_populate_recordset.
const BATCH_ROWS = 1000;
const BATCH_CHARS = 4_000_000;

/** Checks the header against this code: same file format, same schema, same tables and columns. */
function checkHeader(reader: BackupReader, first: string | undefined, plans: TablePlan[]): BackupHeader {
  const envelope = parseLine(z.object({ format: z.string(), version: z.number() }), first, 0, "backup header");
  if (envelope.format !== BACKUP_FORMAT) throw new BackupError("This file is not a Policy Desk backup.");
  if (envelope.version !== BACKUP_VERSION) {
    throw new BackupError(`This backup uses file format ${envelope.version}; this version of Policy Desk reads format ${BACKUP_VERSION}.`);
  }
  const header = parseLine(backupHeaderSchema, first, reader.lineNumber, "backup header");
  const code = codeSchemaMark();
  if (header.schema.when !== code.when || header.schema.hash !== code.hash) {
    const advice =
      header.schema.when < code.when
        ? "Restore it with the version of Policy Desk that made it, start that app once with this version so it migrates, then back up again."
        : "Restore it with the version of Policy Desk that made it (or a newer one).";
    throw new BackupError(`This backup was made at schema ${header.schema.migration}; this version of Policy Desk is at ${code.migration}. ${advice}`);
  }
  const expected = plans.map((p) => `${p.name}(${p.columns.join(",")})`).join(" ");
  const found = header.tables.map((t) => `${t.name}(${t.columns.join(",")})`).join(" ");
  if (expected !== found) throw new BackupError("The backup's tables and columns differ from this version's schema although the migration matches: the file was altered.");
  return header;
}

/** Refuses a target holding rows, or with `force` empties it (the activity log's triggers are lifted for that). */
async function emptyTarget(tx: Transaction, plans: TablePlan[], force: boolean): Promise<void> {
  const occupied: string[] = [];
  for (const plan of plans) {
    const [{ n }] = await rowsOf<{ n: string }>(tx, sql.raw(`select count(*)::text as n from ${ident(plan.name)}`));
    if (n !== "0") occupied.push(`${plan.name}: ${n}`);
  }
  if (!occupied.length) return;
  if (!force) {
    throw new BackupError(
      `The target database already holds data (${occupied.join(", ")}). Restore into a new, empty database, or pass --force to replace everything in it.`,
    );
  }
  const guarded = await rowsOf<{ table: string }>(
    tx,
    sql`select distinct c.relname as "table" from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
         where not t.tgisinternal and n.nspname = 'public' and c.relname in ${plans.map((p) => p.name)}`,
  );
  for (const { table } of guarded) await tx.execute(sql.raw(`alter table ${ident(table)} disable trigger user`));
  await tx.execute(sql.raw(`truncate ${plans.map((p) => ident(p.name)).join(", ")}`));
  for (const { table } of guarded) await tx.execute(sql.raw(`alter table ${ident(table)} enable trigger user`));
}

async function insertBatch(tx: Transaction, plan: TablePlan, lines: string[]): Promise<void> {
  const payload = `[${lines.join(",")}]`;
  const deferred = new Set(plan.deferred.map((d) => d.name));
  const values = plan.columns.map((c) => (deferred.has(c) ? `null::${plan.deferred.find((d) => d.name === c)!.sqlType}` : `x.${ident(c)}`));
  const source = sql`json_populate_recordset(null::${sql.raw(ident(plan.name))}, ${payload}::json) x`;
  await tx.execute(
    sql`insert into ${sql.raw(ident(plan.name))} (${sql.raw(plan.columns.map(ident).join(", "))})
        ${sql.raw(plan.overridingSystemValue ? "overriding system value" : "")}
        select ${sql.raw(values.join(", "))} from ${source}`,
  );
  if (deferred.size) {
    const kept = [...plan.key, ...deferred].map((c) => `x.${ident(c)}`).join(", ");
    const anySet = [...deferred].map((c) => `x.${ident(c)} is not null`).join(" or ");
    await tx.execute(sql`insert into ${sql.raw(stagingTable(plan))} select ${sql.raw(kept)} from ${source} where ${sql.raw(anySet)}`);
  }
}

const stagingTable = (plan: TablePlan) => ident(`policy_desk_restore_${plan.name}`);

/** Restores one table's `rows` lines; returns when they are all in. */
async function restoreTable(tx: Transaction, reader: BackupReader, plan: TablePlan, rows: number, onProgress?: ProgressListener) {
  if (plan.deferred.length) {
    const columns = [...plan.key, ...plan.deferred.map((d) => d.name)].map(ident).join(", ");
    await tx.execute(sql.raw(`create temporary table ${stagingTable(plan)} on commit drop as select ${columns} from ${ident(plan.name)} with no data`));
  }
  let batch: string[] = [];
  let chars = 0;
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    await insertBatch(tx, plan, batch);
    done += batch.length;
    batch = [];
    chars = 0;
    onProgress?.({ table: plan.name, done, total: rows });
  };
  for (let i = 0; i < rows; i++) {
    const line = await reader.next();
    if (line === undefined) throw new BackupError(`The backup file ends early, in table ${plan.name} (${i} of ${rows} rows).`);
    batch.push(line);
    chars += line.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
  }
  await flush();
  if (rows === 0) onProgress?.({ table: plan.name, done, total: rows });
}

/** Sets the deferred (cyclic) references once every row they may point to is in. */
async function applyDeferred(tx: Transaction, plans: TablePlan[]) {
  for (const plan of plans.filter((p) => p.deferred.length)) {
    const set = plan.deferred.map((d) => `${ident(d.name)} = s.${ident(d.name)}`).join(", ");
    const match = plan.key.map((k) => `t.${ident(k)} = s.${ident(k)}`).join(" and ");
    await tx.execute(sql.raw(`update ${ident(plan.name)} t set ${set} from ${stagingTable(plan)} s where ${match}`));
  }
}

/**
 * Restores a backup into `handle`'s database: migrates it to this code's schema, then, in one
 * transaction, checks that it is empty (or empties it with `force`), inserts every row, sets the
 * cyclic references and the sequences. Any failure rolls the whole restore back.
 */
export async function restoreDatabase(
  handle: DatabaseHandle,
  file: string,
  options: { force?: boolean; onProgress?: ProgressListener } = {},
): Promise<BackupHeader> {
  const plans = backupPlan();
  const byName = new Map(plans.map((p) => [p.name, p]));
  const reader = openBackupReader(file);
  try {
    const header = checkHeader(reader, await reader.next(), plans);
    await migrateAndSeed(handle, false);
    await handle.db.transaction(async (tx) => {
      await assertDatabaseAtCodeSchema(tx, "target");
      // Sessions are signed tokens carrying the user's session version: remembered here so that a
      // session revoked after the backup was taken does not come back to life with the old rows.
      const versionsBefore = new Map(
        (await tx.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users)).map((u) => [u.id, u.sessionVersion]),
      );
      await emptyTarget(tx, plans, options.force ?? false);
      for (const expected of header.tables) {
        const marker = parseLine(tableMarkerSchema, await reader.next(), reader.lineNumber, "table marker");
        if (marker.table !== expected.name || marker.rows !== expected.rows) {
          throw new BackupError(`Line ${reader.lineNumber}: expected table ${expected.name} (${expected.rows} rows), found ${marker.table} (${marker.rows}).`);
        }
        await restoreTable(tx, reader, byName.get(marker.table)!, marker.rows, options.onProgress);
      }
      if ((await reader.next()) !== undefined) throw new BackupError(`Unexpected data after the last table, at line ${reader.lineNumber}.`);
      await applyDeferred(tx, plans);
      for (const s of header.sequences) {
        await tx.execute(sql`select setval(pg_get_serial_sequence(${`public.${ident(s.table)}`}, ${s.column}), ${s.lastValue}::bigint, ${s.isCalled})`);
      }
      // Every session from before the restore ends: each version moves past both the backup's and
      // the replaced database's.
      await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` });
      for (const [id, before] of versionsBefore) {
        await tx.update(users).set({ sessionVersion: before + 1 }).where(and(eq(users.id, id), lte(users.sessionVersion, before)));
      }
    });
    // A no-op for rows indexed by this version; rows a backup holds from an unfinished re-index catch up.
    await reindexSearch(handle.db);
    return header;
  } finally {
    reader.close();
  }
}
