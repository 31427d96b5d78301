import fs from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { BackupError } from "./plan";

/**
 * The backup file: gzip'd JSON lines.
 *
 *   line 1           the header (below)
 *   then, per table  {"table": name, "rows": n}, then n lines, one JSON object per row
 *
 * Rows are Postgres' own `row_to_json` of the stored columns, written and read back as text (never
 * parsed in JavaScript), so timestamps keep their microseconds, jsonb stays as stored and
 * numbers keep every digit. Rows come in primary-key order, so one database gives one file.
 */
export const BACKUP_FORMAT = "policy-desk-backup";
export const BACKUP_VERSION = 1;

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** The last migration applied to the database the backup was made from. */
  schema: z.object({ migration: z.string(), hash: z.string(), when: z.number() }),
  createdAt: z.string(),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().nonnegative() })),
  /** Serial and identity sequences, restored to the exact value (numbers are never reused). */
  sequences: z.array(z.object({ table: z.string(), column: z.string(), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const tableMarkerSchema = z.object({ table: z.string(), rows: z.number().int().nonnegative() });

/** Reads a backup file line by line; `next()` gives undefined at the end. */
export function openBackupReader(file: string) {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}.`);
  const input = fs.createReadStream(file).pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const damaged = (error: Error) => new BackupError(`${file} is damaged or not a Policy Desk backup (gzip: ${error.message}).`);
  // Depending on timing, a gzip error (truncated or not gzip at all) reaches readline's iterator or only the stream.
  const failure = new Promise<never>((_, reject) => input.on("error", (error) => reject(damaged(error))));
  failure.catch(() => {});
  let lineNumber = 0;
  return {
    get lineNumber() {
      return lineNumber;
    },
    async next(): Promise<string | undefined> {
      const result = await Promise.race([lines.next(), failure]).catch((error: Error) => {
        throw error instanceof BackupError ? error : damaged(error);
      });
      if (result.done) return undefined;
      lineNumber++;
      return result.value;
    },
    close() {
      input.destroy();
    },
  };
}
export type BackupReader = ReturnType<typeof openBackupReader>;

/** Parses line `line` of the file against `schema`, with a message naming the line. */
export function parseLine<T>(schema: z.ZodType<T>, line: string | undefined, lineNumber: number, what: string): T {
  if (line === undefined) throw new BackupError(`The backup file ends early: ${what} expected at line ${lineNumber + 1}.`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupError(`Line ${lineNumber} of the backup file is not JSON (${what} expected).`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BackupError(`Line ${lineNumber} of the backup file is not a valid ${what} (${parsed.error.issues[0]?.message}).`);
  return parsed.data;
}
