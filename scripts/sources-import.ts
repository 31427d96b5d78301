/**
 * Adds the sources of an OPML file (a feed reader's export, or Policy Desk's own with selectors):
 *
 *   npm run sources:import -- FILE.opml [--as admin@example.org]
 *
 * Sources already watched (same URL) are skipped. Exits 3 when the embedded database is open in a
 * running server, 2 on usage errors, 1 when the file cannot be read or has unreadable outlines.
 */
import fs from "node:fs";
import { migrateAndSeed } from "../db/migrate";
import { importSourcesFromOpml } from "../lib/intake/import-sources";
import { DATABASE_IN_USE, openDatabaseFor, runScript, scriptActor } from "./script-support";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const asIndex = args.indexOf("--as");
  const email = asIndex >= 0 ? args[asIndex + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && (asIndex < 0 || i !== asIndex + 1));
  if (!file) {
    console.error("Usage: npm run sources:import -- FILE.opml [--as EMAIL]");
    return 2;
  }
  let opml: string;
  try {
    opml = fs.readFileSync(file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const handle = openDatabaseFor("Refusing to import");
  if (handle === DATABASE_IN_USE) return DATABASE_IN_USE;
  try {
    await migrateAndSeed(handle, false);
    // Recorded as done by an admin: the one named, else the first active admin.
    const actor = await scriptActor(handle.db, email);
    if (!actor) {
      console.error(email ? `No active admin with the e-mail ${email}.` : "No active admin in this database: start the server once first.");
      return 2;
    }
    const report = await importSourcesFromOpml({ actor, opml });
    console.log(`${report.created} sources added, ${report.skipped} already watched.`);
    for (const error of report.errors) console.log(`  ✗ ${error.line ? `line ${error.line}: ` : ""}${error.message}`);
    return report.errors.length ? 1 : 0;
  } finally {
    await handle.close();
  }
}

runScript(main);
