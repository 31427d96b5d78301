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
  const csv = fs.readFileSync(file, "utf8");
  const handle = openDatabaseFor("Refusing to import");
  if (handle === DATABASE_IN_USE) return DATABASE_IN_USE;
  try {
    // Recorded as done by an admin: the one named, else the first active admin.
    const actor = await scriptActor(handle.db, email);
    if (!actor) {
      console.error(email ? `No active admin with the e-mail ${email}.` : "No active admin in this database.");
      return 2;
    }
    const t = translator(actor.locale);
    const report = await importPolicies({ actor, csv, dryRun, t });
    if (report.fileError) {
      console.error(report.fileError);
      return 1;
    }
    console.log(t("policies.importSummary", { rows: report.rows, create: report.toCreate.length, duplicates: report.duplicates.length, invalid: report.invalid.length }));
    for (const row of report.invalid) console.log(`  ✗ ${t("policies.importLine", { line: row.line })}: ${row.errors.join(" · ")}`);
    for (const row of report.duplicates) console.log(`  = ${t("policies.importLine", { line: row.line })}: ${row.titleKo} → ${row.existing.map((e) => e.titleKo).join(", ")}`);
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
