import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { connectPostgres, openMemoryPglite } from "../../db/client";
import { migrateAndSeed } from "../../db/migrate";
import { adminUrl, databaseUrl, templateDatabaseName } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a dump of the migrated, empty database that every test file loads. */
    pgliteTemplate: string;
    /** Postgres: the migrated, empty template database every test file copies. */
    postgresTemplate: string;
  }
}

/**
 * Migrates one template database per run (PGlite's initdb costs seconds; loading a dump or copying
 * a template costs well under one), so each test file can start from its own fresh copy.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = connectPostgres(adminUrl(url), { max: 1 });
    const name = templateDatabaseName();
    await admin.sql.unsafe(`create database "${name}"`);
    const template = connectPostgres(databaseUrl(url, name), { max: 2 });
    await migrateAndSeed(template, false);
    await template.close();
    project.provide("postgresTemplate", name);
    project.provide("pgliteTemplate", "");
    return async () => {
      const rows = await admin.sql<{ datname: string }[]>`select datname from pg_database where datname like ${`${name}%`}`;
      for (const row of rows) await admin.sql.unsafe(`drop database if exists "${row.datname}" with (force)`);
      await admin.close();
    };
  }

  const handle = openMemoryPglite();
  await migrateAndSeed(handle, false);
  const dump = await handle.pglite.dumpDataDir("none");
  await handle.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-desk-test-")), "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", "");
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
