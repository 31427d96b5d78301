/**
 * Restores a backup made by `npm run db:backup` into the configured database (DATABASE_URL, or
 * the embedded one in DATA_DIR), which must be empty (it is migrated first):
 *
 *   npm run db:restore -- FILE [--force]     --force: replace whatever the database holds
 *
 * All or nothing: one transaction. Exit codes: 0 done, 1 failure, 2 refused (usage, file,
 * schema, non-empty target), 3 the embedded database is open in a running server.
 */
import { BackupError } from "../db/backup/plan";
import { restoreDatabase } from "../db/backup/restore";
import { DATABASE_IN_USE, openDatabaseFor, runScript } from "./script-support";
import { progressPrinter } from "./db-progress";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((a) => a !== "--force");
  if (files.length !== 1 || files[0].startsWith("--")) {
    console.error("Usage: npm run db:restore -- FILE [--force]");
    return 2;
  }
  const handle = openDatabaseFor("Refusing to restore");
  if (handle === DATABASE_IN_USE) return DATABASE_IN_USE;
  const started = Date.now();
  try {
    const header = await restoreDatabase(handle, files[0], { force, onProgress: progressPrinter("restored") });
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    console.error(`Restored ${rows.toLocaleString("en")} rows in ${header.tables.length} tables from ${files[0]} (made ${header.createdAt}), ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`Refusing to restore: ${error.message} Nothing was written.`);
      return 2;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

runScript(main);
