import { type SQL, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client";

/** Where a search query selects from: the database, or a table's newest rows (amongNewest). */
export type Selector = Pick<Executor, "select">;

/**
 * A query source in which `table` stands for its `count` first rows in `order` (newest first): a
 * WITH of the table's own name, so the search's conditions, written on the table, apply to those
 * rows unchanged. The LIMIT inside keeps the planner from pushing the search into it: it walks the
 * newest-first index and stops, instead of reading every match of a common word through the bigram
 * index (it takes a word's bigrams as independent, so it expects a few hundred rows where
 * "인공지능" has 26,000).
 */
export function amongNewest(tx: Executor, table: PgTable, order: SQL[], count: number): Selector {
  const newest = tx.$with(getTableName(table)).as(tx.select().from(table).orderBy(...order).limit(count));
  return tx.with(newest) as unknown as Selector;
}
