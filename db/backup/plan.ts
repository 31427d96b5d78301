import { type SQL, is, sql } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { type PgColumn, PgTable, getTableConfig } from "drizzle-orm/pg-core";
import fs from "node:fs";
import path from "node:path";
import type { Executor } from "../client";
import { migrationsFolder } from "../migrate";
import * as schema from "../schema";

/** How one table is dumped and restored. */
export type TablePlan = {
  /** The table's SQL name. */
  name: string;
  /** SQL names of the stored columns, in schema order; generated columns are left out (Postgres recomputes them). */
  columns: string[];
  /** SQL names of the primary key's columns (all columns when there is none). */
  key: string[];
  /** Deterministic row order, whatever the server's collation: text keys compare bytewise. */
  orderBy: string;
  /**
   * Foreign-key columns that point into a cycle (a self-reference, or briefs ↔ brief_revisions):
   * restored as NULL with the rows, then set once every table is in.
   */
  deferred: { name: string; sqlType: string }[];
  /** `GENERATED ALWAYS AS IDENTITY` columns need OVERRIDING SYSTEM VALUE to keep their values. */
  overridingSystemValue: boolean;
};

const casing = new CasingCache("snake_case");
const columnName = (column: PgColumn) => casing.getColumnCasing(column);

/** Double-quotes an SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every table of the Drizzle schema, in an order where each table comes after the tables it
 * references. Taken from the schema object itself, so a new table is backed up without edits here.
 */
export function backupPlan(): TablePlan[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  const configs = new Map(tables.map((table) => [table, getTableConfig(table)]));
  const plans = new Map<PgTable, TablePlan>();
  const references = new Map<PgTable, { target: PgTable; columns: PgColumn[] }[]>();

  for (const [table, config] of configs) {
    const stored = config.columns.filter((c) => !c.generated);
    // A composite key lists stand-in columns: look the real ones up by name.
    const composite = config.primaryKeys[0]?.columns.map((k) => config.columns.find((c) => c.name === k.name)!);
    const keyColumns = composite ?? config.columns.filter((c) => c.primary);
    const key = (keyColumns.length ? keyColumns : stored).map(columnName);
    const collated = (c: PgColumn) => (/^(text|varchar|character)/.test(c.getSQLType()) ? `${ident(columnName(c))} collate "C"` : ident(columnName(c)));
    plans.set(table, {
      name: config.name,
      columns: stored.map(columnName),
      key,
      orderBy: (keyColumns.length ? keyColumns : stored).map(collated).join(", "),
      deferred: [],
      overridingSystemValue: config.columns.some((c) => c.generatedIdentity?.type === "always"),
    });
    references.set(
      table,
      config.foreignKeys.map((fk) => {
        const reference = fk.reference();
        return { target: reference.foreignTable, columns: reference.columns };
      }),
    );
  }

  const defer = (table: PgTable, columns: PgColumn[]) => {
    const plan = plans.get(table)!;
    for (const column of columns) {
      if (column.notNull) throw new Error(`Cannot order ${plan.name} for a restore: its cyclic reference ${columnName(column)} is NOT NULL.`);
      plan.deferred.push({ name: columnName(column), sqlType: column.getSQLType() });
    }
  };

  // Self-references are always deferred; other cycles are broken at the first nullable reference.
  for (const [table, refs] of references) {
    for (const ref of refs.filter((r) => r.target === table)) defer(table, ref.columns);
    references.set(
      table,
      refs.filter((r) => r.target !== table),
    );
  }
  const ordered: PgTable[] = [];
  const remaining = [...tables];
  while (remaining.length) {
    const placed = new Set(ordered);
    const ready = remaining.find((table) => references.get(table)!.every((r) => placed.has(r.target)));
    if (ready) {
      ordered.push(ready);
      remaining.splice(remaining.indexOf(ready), 1);
      continue;
    }
    const breakable = remaining
      .flatMap((table) => references.get(table)!.map((ref) => ({ table, ref })))
      .find(({ ref }) => remaining.includes(ref.target) && ref.columns.every((c) => !c.notNull));
    if (!breakable) throw new Error("Cannot order the tables for a restore: a cycle of NOT NULL foreign keys.");
    defer(breakable.table, breakable.ref.columns);
    references.set(
      breakable.table,
      references.get(breakable.table)!.filter((r) => r !== breakable.ref),
    );
  }
  return ordered.map((table) => plans.get(table)!);
}

/** The last migration of this code: a backup and the database it restores into must both be at it. */
export type SchemaMark = { migration: string; hash: string; when: number };

export function codeSchemaMark(): SchemaMark {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const files = readMigrationFiles({ migrationsFolder });
  const last = journal.entries.at(-1)!;
  const file = files.find((f) => f.folderMillis === last.when)!;
  return { migration: last.tag, hash: file.hash, when: last.when };
}

/** Rows of a raw query, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function rowsOf<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Raised for a refusal the user can act on (wrong schema, non-empty target, bad file). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** Checks that `executor`'s database has exactly this code's migrations applied. */
export async function assertDatabaseAtCodeSchema(executor: Executor, role: "source" | "target"): Promise<SchemaMark> {
  const code = codeSchemaMark();
  const [table] = await rowsOf<{ present: boolean }>(executor, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  const [applied] = table.present
    ? await rowsOf<{ hash: string; when: string }>(
        executor,
        sql`select hash, created_at::text as "when" from drizzle.__drizzle_migrations order by created_at desc limit 1`,
      )
    : [];
  if (!applied) {
    throw new BackupError(
      role === "source" ? "This database holds no Policy Desk schema: nothing to back up." : "The target database could not be migrated.",
    );
  }
  const when = Number(applied.when);
  if (when < code.when) {
    throw new BackupError(
      `The ${role} database is at an older schema than this code (expects ${code.migration}). Start the app once on it so that it migrates, then try again.`,
    );
  }
  if (when > code.when || applied.hash !== code.hash) {
    throw new BackupError(`The ${role} database was migrated by a newer or different version of Policy Desk than this one (expects ${code.migration}).`);
  }
  return code;
}
