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

type SystemError = { code?: string; errno?: number; syscall?: string; path?: string; address?: string; port?: number; message?: string; cause?: unknown };

/** The errors a user's setup causes (a wrong path, a database that is not there), as one sentence; null for anything else. */
export function describeSetupError(error: unknown): string | null {
  for (let e = error as SystemError | undefined, depth = 0; e && depth < 4; depth++, e = e.cause as SystemError | undefined) {
    switch (e.code) {
      case "ENOENT":
        return `No such file or directory: ${e.path ?? "(unknown)"}.`;
      case "EACCES":
      case "EPERM":
        return `Not allowed to ${e.syscall ?? "use"} ${e.path ?? "the file"}: check its permissions.`;
      case "EISDIR":
        return `${e.path ?? "The path"} is a directory, not a file.`;
      case "ECONNREFUSED":
      case "EHOSTUNREACH":
      case "ETIMEDOUT":
      case "ENOTFOUND":
      case "EAI_AGAIN":
      case "CONNECT_TIMEOUT":
        return `Cannot reach the database${e.address ? ` at ${e.address}${e.port ? `:${e.port}` : ""}` : ""} (${e.code}). Is Postgres running, and is DATABASE_URL right?`;
      case "28P01":
      case "28000":
        return `The database refused the sign-in (${e.code}): check the user and password in DATABASE_URL.`;
      case "3D000":
        return `The database named in DATABASE_URL does not exist (${e.message ?? e.code}). Create it first (createdb), then run this again.`;
    }
  }
  return null;
}

/**
 * Runs a script's `main` and exits with its code. A mistake in the setup (a missing file, an
 * unreachable database) is said in one line and exits 2; anything else is a bug: printed in
 * full, exit 1.
 */
export function runScript(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      const setup = describeSetupError(error);
      if (setup) {
        console.error(setup);
        process.exit(2);
      }
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
