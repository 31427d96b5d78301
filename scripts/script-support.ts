/** What the command-line scripts (`db:*`, `policies:import`) share. */
import { and, asc, eq, isNull } from "drizzle-orm";
import { type Database, type DatabaseHandle, DatabaseLockedError, getDatabase } from "../db/client";
import { type User, users } from "../db/schema";

/** Exit code of every script when a running server holds the embedded database. */
export const DATABASE_IN_USE = 3;

/**
 * The configured database (DATABASE_URL, else the embedded one), or, when a running server holds
 * the embedded one, `DATABASE_IN_USE` after printing `<refusal>: <why>`.
 */
export function openDatabaseFor(refusal: string): DatabaseHandle | typeof DATABASE_IN_USE {
  try {
    return getDatabase();
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`${refusal}: ${error.message}`);
      return DATABASE_IN_USE;
    }
    throw error;
  }
}

/** Runs a script's `main` and exits with its code; an unexpected error is printed and exits 1. */
export function runScript(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** The admin a script acts as: the active admin with `email`, else the first active admin; null when none. */
export async function scriptActor(db: Database, email?: string): Promise<User | null> {
  const [actor] = await db
    .select()
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), email ? eq(users.email, email.toLowerCase()) : undefined))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return actor ?? null;
}
