import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

async function rows<T>(db: Executor, query: string): Promise<T[]> {
  // postgres.js returns the rows, PGlite `{ rows }`.
  const result = (await db.execute(sql.raw(query))) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * An md5 of every row of every table (one query), keyed by table name: two equal digests mean
 * nothing was written in between. `except` leaves tables out (e.g. `activity`, which only grows).
 */
export async function tableDigests(db: Executor, options: { except?: string[] } = {}): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    db,
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const query = tables
    .filter(({ name }) => !options.except?.includes(name))
    .map(({ name }) => `select '${name}' as name, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`)
    .join(" union all ");
  return Object.fromEntries((await rows<{ name: string; h: string }>(db, query)).map((r) => [r.name, r.h]));
}

/** The tables whose digest differs between `before` and `after`. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(after).filter((name) => before[name] !== after[name]);
