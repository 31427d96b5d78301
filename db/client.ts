import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env, isBuildPhase } from "../lib/env";
import * as schema from "./schema";

/** The Drizzle database, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database or a transaction: what every lib verb accepts. */
export type Executor = Database | Transaction;

export type PostgresHandle = { driver: "postgres"; db: Database; sql: postgres.Sql; url: string; close(): Promise<void> };
export type PgliteHandle = { driver: "pglite"; db: Database; pglite: PGlite; close(): Promise<void> };
export type DatabaseHandle = PostgresHandle | PgliteHandle;

/** Raised when the embedded database directory is already open in another process. */
export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by another Policy Desk process (pid ${pid}). ` +
        `Stop that process first, use another DATA_DIR, or set DATABASE_URL to share a Postgres server.`,
    );
    this.name = "DatabaseLockedError";
  }
}

export const drizzleOptions = { schema, casing: "snake_case" } as const;

// Statements sent by this process, when counting is on (kept on globalThis: Next bundles this
// module into several chunks, and they must share one counter).
const statementCounter = globalThis as typeof globalThis & { __policyDeskStatements?: number };

/** SQL statements this process has sent to Postgres since it started counting (see `countStatements`). */
export function statementCount(): number | undefined {
  return statementCounter.__policyDeskStatements;
}

/** Connects postgres.js to `url`; `countStatements` adds every statement sent to `statementCount()`. */
export function connectPostgres(url: string, options: { max?: number; countStatements?: boolean } = {}): PostgresHandle {
  if (options.countStatements) statementCounter.__policyDeskStatements ??= 0;
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: "policy-desk" },
    // postgres.js waits before reconnecting, and its default wait grows to 10–20 s after a few
    // failures: while the server is down, every page then hangs that long before its error, and
    // once it is back the first requests wait out the same delay. A short cap (seconds) keeps both
    // quick; ten connections retrying once a second are no burden on a server that is starting.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    connect_timeout: 10,
    debug: options.countStatements
      ? () => {
          statementCounter.__policyDeskStatements = (statementCounter.__policyDeskStatements ?? 0) + 1;
        }
      : undefined,
  });
  const db = drizzlePostgres({ client: sql, ...drizzleOptions }) as unknown as Database;
  return { driver: "postgres", db, sql, url, close: () => sql.end({ timeout: 5 }) };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `<dir>.lock` for this process. PGlite has no lock of its own and two processes on one
 * data directory corrupt it, so a live holder makes this throw; a dead holder's lock is taken over.
 */
export function acquireDirectoryLock(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx", mode: 0o600 });
      return () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      if (holder && holder !== process.pid && processAlive(holder)) throw new DatabaseLockedError(dir, holder);
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

/** Opens embedded Postgres in `dir` (created when missing), holding the directory lock. */
export function openPglite(dir: string, options: { loadDataDir?: Blob } = {}): PgliteHandle {
  const release = acquireDirectoryLock(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pglite = new PGlite({ dataDir: dir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite({ client: pglite, ...drizzleOptions }) as unknown as Database;
  let closed = false;
  return {
    driver: "pglite",
    db,
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      await pglite.close();
      release();
    },
  };
}

/** An in-memory PGlite, for tests; `loadDataDir` starts it from a dump. */
export function openMemoryPglite(options: { loadDataDir?: Blob } = {}): PgliteHandle {
  const pglite = new PGlite({ loadDataDir: options.loadDataDir });
  const db = drizzlePglite({ client: pglite, ...drizzleOptions }) as unknown as Database;
  return { driver: "pglite", db, pglite, close: () => pglite.close() };
}

// One handle per process, kept on globalThis so `next dev` module reloads reuse it.
const holder = globalThis as typeof globalThis & { __policyDeskDatabase?: DatabaseHandle };

function openConfigured(): DatabaseHandle {
  if (isBuildPhase()) throw new Error("The database is not opened during `next build`.");
  const config = env();
  if (config.DATABASE_URL) return connectPostgres(config.DATABASE_URL, { countStatements: config.PD_SQL_STATS });
  const handle = openPglite(path.join(config.dataDir, "pglite"));
  const shutdown = (signal: NodeJS.Signals) => {
    void handle.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return handle;
}

/** The process's database handle, opened on first use (never at import). */
export function getDatabase(): DatabaseHandle {
  holder.__policyDeskDatabase ??= openConfigured();
  return holder.__policyDeskDatabase;
}

/** Shorthand for `getDatabase().db`. */
export function db(): Database {
  return getDatabase().db;
}

/** Replaces the process's handle (tests and scripts that manage their own database). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  holder.__policyDeskDatabase = handle;
}
