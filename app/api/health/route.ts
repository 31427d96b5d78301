import { sql } from "drizzle-orm";
import { getDatabase, statementCount } from "@/db/client";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2000;

/** For load balancers: 200 when the database answers within 2 s, 503 otherwise. */
export async function GET() {
  let driver: "postgres" | "pglite" | "unknown" = "unknown";
  try {
    const handle = getDatabase();
    driver = handle.driver;
    // Read before this request's own `select 1`: two readings differ by what ran in between, plus one.
    const sqlStatements = statementCount();
    await Promise.race([
      handle.db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), TIMEOUT_MS)),
    ]);
    return Response.json(
      { status: "ok", database: driver, ...(sqlStatements === undefined ? {} : { sqlStatements }) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    log.warn("health.database_unavailable", { driver, error });
    return Response.json({ status: "unavailable", database: driver }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
