import { asc, lt, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { annotations, comments, frameworkNodes, intakeEntries, policies, responseItems } from "../../db/schema";
import {
  SEARCH_VERSION,
  annotationSearch,
  commentSearch,
  frameworkNodeSearch,
  intakeEntrySearch,
  policySearch,
  responseItemSearch,
} from "./documents";

const BATCH = 500;

type Searchable = PgTable & { id: PgColumn; searchVersion: PgColumn };
type Indexer = { table: Searchable; fields: Record<string, PgColumn>; columns: (row: never) => ReturnType<typeof commentSearch> };

const POLICIES: Indexer = {
  table: policies,
  fields: {
    titleZh: policies.titleZh,
    titleKo: policies.titleKo,
    titleEn: policies.titleEn,
    documentNumber: policies.documentNumber,
    summaryText: policies.summaryText,
  },
  columns: policySearch,
};

// Every searchable table, with the fields its search text is made of.
const INDEXERS: Indexer[] = [
  POLICIES,
  { table: annotations, fields: { bodyText: annotations.bodyText, tags: annotations.tags }, columns: annotationSearch },
  { table: comments, fields: { bodyText: comments.bodyText }, columns: commentSearch },
  { table: responseItems, fields: { title: responseItems.title, descriptionText: responseItems.descriptionText }, columns: responseItemSearch },
  {
    table: frameworkNodes,
    fields: { labelKo: frameworkNodes.labelKo, labelEn: frameworkNodes.labelEn, description: frameworkNodes.description },
    columns: frameworkNodeSearch,
  },
  { table: intakeEntries, fields: { title: intakeEntries.title }, columns: intakeEntrySearch },
];

async function reindexTable(database: Database, { table, fields, columns }: Indexer): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await database.transaction(async (tx) => {
      const rows = (await tx
        .select({ id: table.id, ...fields })
        .from(table)
        .where(lt(table.searchVersion, SEARCH_VERSION))
        .orderBy(asc(table.id))
        .limit(BATCH)
        .for("update", { skipLocked: true })) as { id: string }[];
      if (!rows.length) return 0;
      // One statement per batch, and only the derived columns: `updated_at` and `version` stay, it is not an edit.
      const values = rows.map((row) => {
        const c = columns(row as never);
        return { id: row.id, search_text: c.searchText, search_bigrams: c.searchBigrams, search_version: c.searchVersion };
      });
      await tx.execute(sql`
        update ${table} set search_text = v.search_text, search_bigrams = v.search_bigrams, search_version = v.search_version
        from json_to_recordset(${JSON.stringify(values)}::json) as v(id uuid, search_text text, search_bigrams text[], search_version smallint)
        where ${table.id} = v.id`);
      return rows.length;
    });
    done += batch;
    if (batch < BATCH) return done;
  }
}

/**
 * Recomputes the search columns of every record indexed with an older normalisation, or none
 * (rows written by SQL alone: the seed, the bench, a restore). Idempotent and resumable — each
 * batch of 500 commits on its own and only rows still behind are picked — so it runs after every
 * migration; Postgres cannot compute these columns itself (the normalisation needs OpenCC).
 * Returns how many rows it re-indexed.
 */
export async function reindexSearch(database: Database): Promise<number> {
  let done = 0;
  for (const indexer of INDEXERS) done += await reindexTable(database, indexer);
  return done;
}

/** reindexSearch for the policies alone (the bench's generator indexes them before the rest exists). */
export function reindexPolicySearch(database: Database): Promise<number> {
  return reindexTable(database, POLICIES);
}
