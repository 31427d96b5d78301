import { asc, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { policies } from "../../db/schema";
import { SEARCH_VERSION, policySearchColumns } from "./search-terms";

const BATCH = 500;

/**
 * Recomputes the search columns of every policy indexed with an older normalisation (or none:
 * rows written by SQL alone). Idempotent and resumable — each batch commits on its own and only
 * rows still behind are picked — so it runs after every migration; Postgres cannot compute these
 * columns itself (the normalisation needs OpenCC). Returns how many rows it re-indexed.
 */
export async function reindexPolicySearch(database: Database): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await database.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: policies.id,
          titleZh: policies.titleZh,
          titleKo: policies.titleKo,
          titleEn: policies.titleEn,
          documentNumber: policies.documentNumber,
          summaryText: policies.summaryText,
        })
        .from(policies)
        .where(lt(policies.searchVersion, SEARCH_VERSION))
        .orderBy(asc(policies.id))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      if (!rows.length) return 0;
      // One statement per batch, and only the derived columns: `updated_at` and `version` stay, it is not an edit.
      const values = rows.map((row) => {
        const c = policySearchColumns(row);
        return { id: row.id, search_text: c.searchText, search_bigrams: c.searchBigrams, search_version: c.searchVersion };
      });
      await tx.execute(sql`
        update ${policies} set search_text = v.search_text, search_bigrams = v.search_bigrams, search_version = v.search_version
        from json_to_recordset(${JSON.stringify(values)}::json) as v(id uuid, search_text text, search_bigrams text[], search_version smallint)
        where ${policies.id} = v.id`);
      return rows.length;
    });
    done += batch;
    if (batch < BATCH) return done;
  }
}

/** How many policies still wait for reindexPolicySearch (for tests and diagnostics). */
export async function policiesBehindSearchIndex(database: Database): Promise<number> {
  const [row] = await database.select({ n: sql<number>`count(*)::int` }).from(policies).where(lt(policies.searchVersion, SEARCH_VERSION));
  return Number(row.n);
}
