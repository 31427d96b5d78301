/**
 * Bulk CSV import from the command line, against the configured database:
 *
 *   npm run policies:import -- FILE.csv [--dry-run] [--as admin@example.org]
 *
 * Prints the same report as the import screen; exits 1 when rows are invalid or the file cannot
 * be read, 2 on usage errors, 3 when the embedded database is open in a running server (PGlite
 * must never be opened by two processes: stop the server, or set DATABASE_URL).
 */
import fs from "node:fs";
import { DATABASE_IN_USE, openDatabaseFor, runScript, scriptActor } from "./script-support";
import { translator } from "../lib/i18n/catalog";
import { importPolicies } from "../lib/policies/import-policies";
import { migrateAndSeed } from "../db/migrate";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const asIndex = args.indexOf("--as");
  const email = asIndex >= 0 ? args[asIndex + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && (asIndex < 0 || i !== asIndex + 1));
  if (!file) {
    console.error("Usage: npm run policies:import -- FILE.csv [--dry-run] [--as EMAIL]");
    return 2;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  // The bytes as they are: the import reads UTF-8, UTF-16 with a BOM, CP949 and GB18030.
  const bytes = new Uint8Array(fs.readFileSync(file));
  const handle = openDatabaseFor("Refusing to import");
  if (handle === DATABASE_IN_USE) return DATABASE_IN_USE;
  try {
    // A data directory that was never started has no tables yet: create them (no seed, no admin).
    await migrateAndSeed(handle, false);
    // Recorded as done by an admin: the one named, else the first active admin.
    const actor = await scriptActor(handle.db, email);
    if (!actor) {
      console.error(
        email
          ? `No active admin with the e-mail ${email}.`
          : "No active admin in this database: start the app once (npm run dev or npm start) to create the first admin, then import again.",
      );
      return 2;
    }
    const t = translator(actor.locale);
    const report = await importPolicies({ actor, bytes, dryRun, t });
    if (report.fileError) {
      console.error(report.fileError);
      return 1;
    }
    console.log(t("policies.importEncoding", { encoding: report.encoding }));
    if (report.newBodies.length) console.log(`${t("policies.importNewBodies")}: ${report.newBodies.join(", ")}`);
    console.log(t("policies.importSummary", { rows: report.rows, create: report.toCreate.length, duplicates: report.duplicates.length, invalid: report.invalid.length }));
    for (const row of report.invalid) console.log(`  ✗ ${t("policies.importLine", { line: row.line })}: ${row.errors.join(" · ")}`);
    for (const row of report.duplicates) console.log(`  = ${t("policies.importLine", { line: row.line })}: ${row.titleKo} → ${row.existing.map((e) => (e.line ? t("policies.importDuplicateOfLine", { line: e.line }) : e.titleKo)).join(", ")}`);
    for (const row of report.toCreate) console.log(`  + ${t("policies.importLine", { line: row.line })}: ${row.titleKo}`);
    if (report.invalid.length) {
      if (!dryRun) console.log(t("policies.importBlocked"));
      return 1;
    }
    if (!dryRun) console.log(t("policies.importDone", { count: report.created }));
    return 0;
  } finally {
    await handle.close();
  }
}

runScript(main);
