import { type AnyPgColumn, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { type PassageSelector, briefRevisions } from "./brief";
import { createdAt, id, searchColumns, updatedAt, version } from "./common";

export const frameworkDimensions = pgTable(
  "framework_dimensions",
  {
    id: id(),
    /** Stable machine name, e.g. `policy_area`. */
    key: text().notNull(),
    nameKo: text().notNull(),
    nameEn: text().notNull(),
    position: integer().notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("framework_dimensions_key_key").on(t.key)],
);

export const frameworkNodes = pgTable(
  "framework_nodes",
  {
    id: id(),
    dimensionId: uuid().notNull().references(() => frameworkDimensions.id),
    labelKo: text().notNull(),
    labelEn: text().notNull(),
    description: text(),
    /** The passage of the brief that defines the node, if any. */
    passageRevisionId: uuid().references(() => briefRevisions.id),
    passage: jsonb().$type<PassageSelector>(),
    /** The passage was not found on the current revision (it still names the revision it was last seen on). */
    passageOrphaned: boolean().notNull().default(false),
    position: integer().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    mergedIntoId: uuid().references((): AnyPgColumn => frameworkNodes.id),
    /** Labels and description, normalised for search. */
    ...searchColumns(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("framework_nodes_dimension_idx").on(t.dimensionId, t.position), index("framework_nodes_search_bigrams_idx").using("gin", t.searchBigrams)],
);

export type FrameworkDimension = typeof frameworkDimensions.$inferSelect;
export type FrameworkNode = typeof frameworkNodes.$inferSelect;
