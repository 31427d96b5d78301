import { boolean, date, index, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { itemStatuses } from "../../lib/vocab";
import { type PassageSelector, type RichTextDoc, briefRevisions } from "./brief";
import { createdAt, id, searchColumns, updatedAt, version } from "./common";
import { frameworkNodes } from "./framework";
import { policies, priorityEnum } from "./policies";
import { users } from "./users";

export const itemStatusEnum = pgEnum("item_status", itemStatuses);

export const responseItems = pgTable(
  "response_items",
  {
    id: id(),
    /** Stable, human-facing number (#1, #2, …); never reused. */
    number: serial().notNull(),
    title: text().notNull(),
    description: jsonb().$type<RichTextDoc>(),
    descriptionText: text().notNull().default(""),
    ownerId: uuid().references(() => users.id),
    status: itemStatusEnum().notNull().default("not_started"),
    priority: priorityEnum().notNull().default("medium"),
    dueOn: date(),
    /** The sentence of the brief the item comes from. */
    passageRevisionId: uuid().references(() => briefRevisions.id),
    passage: jsonb().$type<PassageSelector>(),
    /** The passage was not found on the current revision (it still names the revision it was last seen on). */
    passageOrphaned: boolean().notNull().default(false),
    createdById: uuid().references(() => users.id),
    archivedAt: timestamp({ withTimezone: true }),
    /** Title and description, normalised for search. */
    ...searchColumns(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("response_items_search_bigrams_idx").using("gin", t.searchBigrams),
    uniqueIndex("response_items_number_key").on(t.number),
    index("response_items_owner_idx").on(t.ownerId, t.status),
    index("response_items_status_idx").on(t.status, t.dueOn),
  ],
);

export const responseItemFrameworkNodes = pgTable(
  "response_item_framework_nodes",
  {
    responseItemId: uuid().notNull().references(() => responseItems.id),
    nodeId: uuid().notNull().references(() => frameworkNodes.id),
  },
  (t) => [primaryKey({ columns: [t.responseItemId, t.nodeId] }), index("response_item_framework_nodes_node_idx").on(t.nodeId)],
);

export const progressUpdates = pgTable(
  "progress_updates",
  {
    id: id(),
    responseItemId: uuid().notNull().references(() => responseItems.id),
    authorId: uuid().notNull().references(() => users.id),
    body: text().notNull(),
    statusBefore: itemStatusEnum().notNull(),
    statusAfter: itemStatusEnum().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("progress_updates_item_idx").on(t.responseItemId, t.createdAt)],
);

/** "Policy P affects response item R"; needs review until the owner acknowledges it. */
export const impacts = pgTable(
  "impacts",
  {
    id: id(),
    policyId: uuid().notNull().references(() => policies.id),
    responseItemId: uuid().notNull().references(() => responseItems.id),
    note: text().notNull().default(""),
    createdById: uuid().notNull().references(() => users.id),
    createdAt: createdAt(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedById: uuid().references(() => users.id),
    acknowledgedByUpdateId: uuid().references(() => progressUpdates.id),
    removedAt: timestamp({ withTimezone: true }),
    removedById: uuid().references(() => users.id),
  },
  (t) => [
    uniqueIndex("impacts_live_key").on(t.policyId, t.responseItemId).where(sql`${t.removedAt} is null`),
    index("impacts_item_idx").on(t.responseItemId),
    // "Needs review": the impacts of an item still waiting for its owner's acknowledgement.
    index("impacts_pending_item_idx").on(t.responseItemId).where(sql`${t.removedAt} is null and ${t.acknowledgedAt} is null`),
  ],
);

export type ResponseItem = typeof responseItems.$inferSelect;
export type NewResponseItem = typeof responseItems.$inferInsert;
export type Impact = typeof impacts.$inferSelect;
export type ProgressUpdate = typeof progressUpdates.$inferSelect;
