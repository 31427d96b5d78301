import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DatabaseLockedError, connectPostgres, openPglite } from "@/db/client";
import { migrateAndSeed } from "@/db/migrate";
import * as t from "@/db/schema";
import { adminUrl, databaseUrl } from "../support/postgres";
import { driver } from "./harness";

describe("embedded database directory", () => {
  // A new PGlite data directory runs initdb: seconds on a quiet machine, much more under load.
  it("refuses a second process and takes over a dead one's lock", { timeout: 120_000 }, async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pd-lock-")), "pglite");
    const other = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(`${dir}.lock`, String(other.pid));
      expect(() => openPglite(dir)).toThrow(DatabaseLockedError);
      expect(() => openPglite(dir)).toThrow(/in use by another Policy Desk process/);
    } finally {
      other.kill();
      await new Promise((resolve) => other.once("exit", resolve));
    }
    const handle = openPglite(dir);
    try {
      expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
      await handle.db.execute(sql`select 1`);
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});

describe.runIf(driver === "postgres")("several processes starting at once on Postgres", () => {
  it("apply each migration once and seed once", async () => {
    const url = process.env.DATABASE_URL!;
    const name = `pd_concurrent_${Date.now().toString(36)}`;
    const admin = connectPostgres(adminUrl(url), { max: 1 });
    await admin.sql.unsafe(`create database "${name}"`);
    const handles = Array.from({ length: 4 }, () => connectPostgres(databaseUrl(url, name), { max: 2 }));
    try {
      const results = await Promise.all(handles.map((h) => migrateAndSeed(h, { adminPassword: "concurrent start!" })));
      expect(results.filter((r) => r.seeded)).toHaveLength(1);
      const journal = JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
      const applied = await handles[0].db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(Number((applied as unknown as { n: number }[])[0].n)).toBe(journal.entries.length);
      const [users] = await handles[0].db.select({ n: count() }).from(t.users);
      const [briefs] = await handles[0].db.select({ n: count() }).from(t.briefs);
      expect([users.n, briefs.n]).toEqual([1, 1]);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.close();
    }
  });
});
