import { bigserial, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { commentTargets } from "../../lib/vocab";
import { type RichTextDoc, annotations } from "./brief";
import { createdAt, id, searchColumns, version } from "./common";
import { notificationKindEnum, users } from "./users";

export const commentTargetEnum = pgEnum("comment_target", commentTargets);

/** Threaded replies on an annotation, a policy or a response item. */
export const comments = pgTable(
  "comments",
  {
    id: id(),
    targetType: commentTargetEnum().notNull(),
    targetId: uuid().notNull(),
    parentId: uuid(),
    authorId: uuid().notNull().references(() => users.id),
    body: jsonb().$type<RichTextDoc>().notNull(),
    bodyText: text().notNull().default(""),
    mentionedUserIds: uuid().array().notNull().default(sql`'{}'`),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    /** The body, normalised for search. */
    ...searchColumns(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_search_bigrams_idx").using("gin", t.searchBigrams),
    // The search lists newest first: for a common word, walking this finds a page in a few rows.
    index("comments_created_idx").on(t.createdAt),
    index("comments_target_idx").on(t.targetType, t.targetId, t.createdAt),
    index("comments_author_idx").on(t.authorId),
    index("comments_mentions_idx").using("gin", t.mentionedUserIds),
  ],
);

/** An annotation turned into tracked work: linked to a policy or a response item. */
export const annotationLinks = pgTable(
  "annotation_links",
  {
    annotationId: uuid().notNull().references(() => annotations.id),
    targetType: commentTargetEnum().notNull(),
    targetId: uuid().notNull(),
    createdById: uuid().notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.annotationId, t.targetType, t.targetId] }), index("annotation_links_target_idx").on(t.targetType, t.targetId)],
);

/** Append-only audit trail; a trigger refuses UPDATE and DELETE. */
export const activity = pgTable(
  "activity",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    actorId: uuid().references(() => users.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    /** Set for a change to a private note: the one member (its author) who may see this entry. */
    privateTo: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activity_entity_idx").on(t.entityType, t.entityId, t.at),
    index("activity_at_idx").on(t.at),
    index("activity_actor_idx").on(t.actorId, t.at),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid().notNull().references(() => users.id),
    kind: notificationKindEnum().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    actorId: uuid().references(() => users.id),
    /** One notification per user and event: the event's identity (e.g. comment id). */
    eventKey: text().notNull(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_event_key").on(t.userId, t.kind, t.eventKey),
    index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt),
  ],
);

export type Comment = typeof comments.$inferSelect;
export type Activity = typeof activity.$inferSelect;
export type NewActivity = typeof activity.$inferInsert;
export type Notification = typeof notifications.$inferSelect;

/**
 * Who has a page open now: one heartbeat row per user and page topic (`brief:<id>`,
 * `response_item:<id>`), refreshed while the page is visible. Kept in the database so every app
 * process sees the same viewers; rows older than the presence window simply stop counting.
 */
export const presence = pgTable(
  "presence",
  {
    userId: uuid().notNull().references(() => users.id),
    topic: text().notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topic] }), index("presence_topic_idx").on(t.topic, t.lastSeenAt)],
);
