import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { type DatabaseHandle, connectPostgres, openMemoryPglite, setDatabase } from "@/db/client";
import { adminUrl, databaseUrl } from "../support/postgres";

/** Which driver this run's integration tests use. */
export const driver: "postgres" | "pglite" = process.env.DATABASE_URL ? "postgres" : "pglite";

/**
 * A new, migrated, empty database of its own (a copy of the run's template), installed as the
 * process database for lib code. The caller closes it.
 */
export async function freshDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  if (url) {
    const template = inject("postgresTemplate");
    const name = `${template}_${randomBytes(4).toString("hex")}`;
    const admin = connectPostgres(adminUrl(url), { max: 1 });
    await admin.sql.unsafe(`create database "${name}" template "${template}"`);
    await admin.close();
    handle = connectPostgres(databaseUrl(url, name), { max: 4 });
  } else {
    const dump = fs.readFileSync(inject("pgliteTemplate"));
    handle = openMemoryPglite({ loadDataDir: new Blob([dump]) });
  }
  setDatabase(handle);
  return handle;
}

/** Gives the test file a fresh database for all its tests: `const t = withFreshDatabase()`, then `t.db`. */
export function withFreshDatabase() {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await freshDatabase();
  });
  afterAll(async () => {
    setDatabase(undefined);
    await handle?.close();
  });
  return {
    get handle() {
      if (!handle) throw new Error("withFreshDatabase: used before beforeAll ran");
      return handle;
    },
    get db() {
      return this.handle.db;
    },
  };
}
