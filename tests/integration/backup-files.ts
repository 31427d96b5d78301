import fs from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/backup/plan";
import type { Database } from "@/db/client";

/** A backup file's lines, uncompressed. */
export function backupLines(file: string): string[] {
  return gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n").filter(Boolean);
}

/** A backup's content without the moment it was made: two backups of equal databases compare equal. */
export function backupContent(file: string): { header: Record<string, unknown>; rows: string[] } {
  const [first, ...rows] = backupLines(file);
  const { createdAt: _createdAt, ...header } = JSON.parse(first) as Record<string, unknown>;
  return { header, rows };
}

/** Writes `lines` as a backup file. */
export function writeBackupLines(file: string, lines: string[]): void {
  fs.writeFileSync(file, gzipSync(`${lines.join("\n")}\n`));
}

/**
 * A digest of every row of every table, found in the database's catalog rather than through the
 * backup code (so a table or column the backup leaves out shows up), generated columns included.
 */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables = await rowsOf<{ name: string }>(
      tx,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name::text collate "C"`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await rowsOf<{ n: string; h: string }>(
        tx,
        sql.raw(`select count(*)::text as n, md5(coalesce(string_agg(row_to_json(x)::text, '|' order by row_to_json(x)::text collate "C"), '')) as h from "${name}" x`),
      );
      out[name] = `${row.n} rows, ${row.h}`;
    }
    return out;
  });
}
