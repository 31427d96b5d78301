/**
 * `npm run db:migrate`: applies the pending migrations to the configured database (DATABASE_URL,
 * or the embedded one in DATA_DIR) and seeds nothing. The app does the same when it starts; run
 * this in a deployment step before starting several app processes on a new schema.
 */
import { DATABASE_IN_USE, openDatabaseFor, runScript } from "./script-support";
import { migrateAndSeed } from "../db/migrate";

async function main(): Promise<number> {
  const handle = openDatabaseFor("Cannot migrate");
  if (handle === DATABASE_IN_USE) return DATABASE_IN_USE;
  try {
    await migrateAndSeed(handle, false);
    console.error(`Migrated ${handle.driver === "pglite" ? "the embedded database" : "the database at DATABASE_URL"}.`);
    return 0;
  } finally {
    await handle.close();
  }
}

runScript(main);
