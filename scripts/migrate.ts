/**
 * `npm run db:migrate`: applies the pending migrations to the configured database (DATABASE_URL,
 * or the embedded one in DATA_DIR) and seeds nothing. The app does the same when it starts; run
 * this in a deployment step before starting several app processes on a new schema.
 */
import { DatabaseLockedError, getDatabase } from "../db/client";
import { migrateAndSeed } from "../db/migrate";

async function main(): Promise<number> {
  let handle;
  try {
    handle = getDatabase();
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`Cannot migrate: ${error.message}`);
      return 3;
    }
    throw error;
  }
  try {
    await migrateAndSeed(handle, false);
    console.error(`Migrated ${handle.driver === "pglite" ? "the embedded database" : "the database at DATABASE_URL"}.`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
