import { boolean, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { savedSearchScopes } from "../../lib/vocab";
import { createdAt, id, updatedAt, version } from "./common";
import { users } from "./users";

export const savedSearchScopeEnum = pgEnum("saved_search_scope", savedSearchScopes);

/**
 * A named view of the policies list or the intake queue: the screen's filters as its canonical
 * query string (`q=…&type=…`, no page). Private (its owner alone ever sees it) unless shared.
 */
export const savedSearches = pgTable(
  "saved_searches",
  {
    id: id(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    scope: savedSearchScopeEnum().notNull(),
    name: text().notNull(),
    query: text().notNull().default(""),
    shared: boolean().notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("saved_searches_owner_name_key").on(t.ownerId, t.name), index("saved_searches_shared_idx").on(t.shared)],
);

/** "Alert me": `userId` is notified when a written policy starts to match the saved search. */
export const savedSearchAlerts = pgTable(
  "saved_search_alerts",
  {
    savedSearchId: uuid()
      .notNull()
      .references(() => savedSearches.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.savedSearchId, t.userId] }), index("saved_search_alerts_user_idx").on(t.userId)],
);

export type SavedSearch = typeof savedSearches.$inferSelect;
export type NewSavedSearch = typeof savedSearches.$inferInsert;
