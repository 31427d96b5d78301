import fs from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";

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
