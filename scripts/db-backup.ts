/**
 * Writes a portable backup of the configured database (DATABASE_URL, or the embedded one in
 * DATA_DIR) to FILE:
 *
 *   npm run db:backup -- FILE            e.g. backup-2026-11-26.pd.gz
 *
 * Exit codes: 0 done, 1 failure, 2 refused (usage, existing file, schema), 3 the embedded
 * database is open in a running server (stop it first).
 */
import { backupDatabase } from "../db/backup/backup";
import { BackupError } from "../db/backup/plan";
import { DATABASE_IN_USE, openDatabaseFor, runScript } from "./script-support";
import { progressPrinter } from "./db-progress";

async function main(): Promise<number> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || file.startsWith("--") || rest.length) {
    console.error("Usage: npm run db:backup -- FILE");
    return 2;
  }
  const handle = openDatabaseFor("Refusing to back up");
  if (handle === DATABASE_IN_USE) return DATABASE_IN_USE;
  const started = Date.now();
  try {
    const header = await backupDatabase(handle, file, { onProgress: progressPrinter("backed up") });
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    console.error(`Backup written to ${file}: ${rows.toLocaleString("en")} rows in ${header.tables.length} tables, schema ${header.schema.migration}, ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`Refusing to back up: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

runScript(main);
