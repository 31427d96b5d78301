import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { DatabaseHandle } from "./client";
import { reindexSearch } from "../lib/search/reindex";
import { type SeedOptions, type SeedResult, seedDatabase } from "./seed";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any constant shared by every process of the deployment: pg_advisory_lock's key.
const MIGRATION_LOCK_KEY = 0x5044_4553; // "PDES"

/** Applies the committed migrations. */
async function applyMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

/**
 * Migrates, seeds an empty database, then re-indexes the records whose search text predates the
 * current normalisation (see lib/search/reindex.ts). On Postgres all three run under an
 * advisory lock, so that several processes starting at once apply each migration once and seed
 * once; an embedded
 * database is already owned by one process (see the directory lock in client.ts).
 */
export async function migrateAndSeed(handle: DatabaseHandle, seed: SeedOptions | false = {}): Promise<SeedResult> {
  const run = async () => {
    await applyMigrations(handle);
    const seeded = seed === false ? ({ seeded: false } as const) : await seedDatabase(handle.db, seed);
    // The data half of a migration: search columns that only TypeScript can compute (OpenCC), for
    // rows older than the current normalisation and for the seed's rows.
    await reindexSearch(handle.db);
    return seeded;
  };
  if (handle.driver === "pglite") return run();

  const connection = await handle.sql.reserve();
  try {
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    return await run();
  } finally {
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    connection.release();
  }
}
