import { sql } from "drizzle-orm";
import { DatabaseLockedError, getDatabase } from "../db/client";
import { migrateAndSeed } from "../db/migrate";
import { env } from "./env";

const reachabilityCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNRESET", "3D000", "28P01", "28000"]);

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** A one-paragraph explanation of why the database could not be used, or null if unexpected. */
export function explainDatabaseError(error: unknown): string | null {
  if (error instanceof DatabaseLockedError) return error.message;
  // Drizzle wraps driver errors: the code is on the cause.
  const code = (error as { code?: string })?.code ?? ((error as { cause?: { code?: string } })?.cause?.code);
  const url = env().DATABASE_URL;
  if (url && code && reachabilityCodes.has(code)) {
    const reason =
      code === "3D000" ? "the database does not exist" : code.startsWith("28") ? "the server refused the credentials" : `the server could not be reached (${code})`;
    return `Cannot use the database at ${redact(url)}: ${reason}. Check DATABASE_URL and that the Postgres server is running.`;
  }
  return null;
}

/**
 * Runs once when the server starts: checks the database, applies migrations, seeds an empty
 * database and prints how to sign in. Exits with a clear message when the database is unusable.
 */
export async function bootstrap(): Promise<void> {
  const config = env();
  try {
    const handle = getDatabase();
    await handle.db.execute(sql`select 1`);
    const result = await migrateAndSeed(handle, { adminEmail: config.ADMIN_EMAIL, adminPassword: config.ADMIN_PASSWORD });
    const where = handle.driver === "pglite" ? `embedded Postgres in ${config.dataDir}` : "Postgres at DATABASE_URL";
    const url = `http://localhost:${config.PORT}`;
    const lines = [`Policy Desk is using ${where}.`];
    if (result.seeded) {
      lines.push(`Seeded the brief, its framework, Table 1's policies and the six response items.`);
      lines.push(`Sign in at ${url}/sign-in as ${result.adminEmail}`);
      lines.push(
        result.generatedPassword
          ? `  with the generated password: ${result.generatedPassword}\n  (shown only this once — change it under Profile after signing in)`
          : "  with the password in ADMIN_PASSWORD.",
      );
    } else {
      lines.push(`Open ${url} and sign in (the first admin is ${config.ADMIN_EMAIL ?? "admin@policy-desk.local"} unless changed).`);
    }
    console.log(`\n${lines.join("\n")}\n`);
  } catch (error) {
    const explanation = explainDatabaseError(error);
    console.error(`\nPolicy Desk cannot start: ${explanation ?? (error as Error).message}\n`);
    if (!explanation) console.error(error);
    process.exit(1);
  }
}
