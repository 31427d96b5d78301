import { integer, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key shared by every entity table. */
export const id = () => uuid().primaryKey().defaultRandom();

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** Optimistic-concurrency counter on every editable row: a write names the version it read. */
export const version = () => integer().notNull().default(1);

/**
 * The derived search columns of a searchable record (lib/search/documents.ts writes them on every
 * change of its text): the normalised text LIKE rechecks, its character bigrams for a GIN index,
 * and the normalisation version they were computed with (older rows are re-indexed after migrating).
 */
export const searchColumns = () => ({
  searchText: text().notNull().default(""),
  searchBigrams: text().array().notNull().default([]),
  searchVersion: smallint().notNull().default(0),
});
