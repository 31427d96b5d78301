import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDirectoryLock, connectPostgres, openPglite } from "@/db/client";
import { migrateAndSeed } from "@/db/migrate";
import { adminUrl, databaseUrl } from "../support/postgres";
import { backupContent, fingerprint } from "./backup-files";
import { buildBackupWorkspace } from "./backup-workspace";

/**
 * The documented move, through the real commands: an embedded database in DATA_DIR →
 * `npm run db:backup` → `npm run db:restore` into a new Postgres database → `npm run db:backup`
 * again gives the same content. It needs a Postgres server (DATABASE_URL's, else the local one);
 * without one it is skipped, except in CI, where it must run.
 */
const serverUrl = adminUrl(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");

async function reachable(): Promise<boolean> {
  const probe = connectPostgres(serverUrl, { max: 1 });
  try {
    await probe.sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}
const run = process.env.CI === "true" || (await reachable());

type Outcome = { code: number; stderr: string };
function npmRun(script: string, args: string[], env: Record<string, string | undefined>): Promise<Outcome> {
  const { DATABASE_URL: _unset, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile("npm", ["run", "--silent", script, "--", ...args], { env: { ...inherited, ...env }, timeout: 120_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stderr }),
    );
  });
}

describe.runIf(run)("moving from the embedded database to a Postgres server", () => {
  const name = `pd_backup_${randomBytes(4).toString("hex")}`;
  const targetUrl = databaseUrl(serverUrl, name);
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-desk-move-"));
    dataDir = path.join(dir, "data");
    const embedded = openPglite(path.join(dataDir, "pglite"));
    await migrateAndSeed(embedded, false);
    await buildBackupWorkspace(embedded.db);
    await embedded.close();
    const admin = connectPostgres(serverUrl, { max: 1 });
    await admin.sql.unsafe(`create database "${name}"`);
    await admin.close();
  }, 180_000);
  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    const admin = connectPostgres(serverUrl, { max: 1 });
    try {
      await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await admin.close();
    }
  });

  it("PGlite file → db:backup → db:restore into Postgres → db:backup gives the same content", { timeout: 300_000 }, async () => {
    const fromPglite = path.join(dir, "from-pglite.pd.gz");
    const fromPostgres = path.join(dir, "from-postgres.pd.gz");

    // Not while a server holds the embedded database.
    const release = acquireDirectoryLock(path.join(dataDir, "pglite"));
    const locked = await npmRun("db:backup", [fromPglite], { DATA_DIR: dataDir });
    release();
    expect(locked.code).toBe(3);
    expect(locked.stderr).toMatch(/Refusing to back up: The embedded database in .* is in use by another Policy Desk process/);
    expect(fs.existsSync(fromPglite)).toBe(false);

    const backup = await npmRun("db:backup", [fromPglite], { DATA_DIR: dataDir });
    expect(backup.stderr).toMatch(/Backup written to .*from-pglite\.pd\.gz: \d+ rows in \d+ tables, schema \d{4}_/);
    expect(backup.code).toBe(0);

    const restore = await npmRun("db:restore", [fromPglite], { DATABASE_URL: targetUrl });
    expect(restore.stderr).toMatch(/Restored \d+ rows in \d+ tables/);
    expect(restore.code).toBe(0);
    // The restore ended every session (each user's session version moved on by one): undone here
    // so the second backup can be compared with the first.
    const moved = connectPostgres(targetUrl, { max: 1 });
    try {
      await moved.sql.unsafe("update users set session_version = session_version - 1");
    } finally {
      await moved.close();
    }

    const again = await npmRun("db:backup", [fromPostgres], { DATABASE_URL: targetUrl });
    expect(again.code).toBe(0);
    expect(backupContent(fromPostgres)).toEqual(backupContent(fromPglite));
    const [embedded, server] = [openPglite(path.join(dataDir, "pglite")), connectPostgres(targetUrl, { max: 1 })];
    try {
      expect(await fingerprint(server.db)).toEqual(await fingerprint(embedded.db));
    } finally {
      await Promise.all([embedded.close(), server.close()]);
    }

    const twice = await npmRun("db:restore", [fromPglite], { DATABASE_URL: targetUrl });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/Refusing to restore: The target database already holds data .* Nothing was written\./);
  });
});
