import { lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { policies } from "../../db/schema";
import { SEARCH_VERSION } from "./search-terms";

export { reindexPolicySearch } from "../search/reindex";

/** How many policies still wait for the re-index (lib/search/reindex.ts), for tests and diagnostics. */
export async function policiesBehindSearchIndex(database: Database): Promise<number> {
  const [row] = await database.select({ n: sql<number>`count(*)::int` }).from(policies).where(lt(policies.searchVersion, SEARCH_VERSION));
  return Number(row.n);
}
