import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { annotationStatuses } from "../../lib/vocab";
import { createdAt, id, searchColumns, updatedAt, version } from "./common";
import { users } from "./users";

/** A Tiptap/ProseMirror JSON document, validated on write against lib/editor's extension list. */
export type RichTextDoc = { type: "doc"; content?: unknown[] };

/** W3C-style selectors of a passage in a revision's plain text. */
export type PassageSelector = {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
};

export const annotationStatusEnum = pgEnum("annotation_status", annotationStatuses);

export const briefs = pgTable("briefs", {
  id: id(),
  title: text().notNull(),
  publisher: text(),
  publishedOn: date(),
  language: text().notNull().default("ko"),
  currentRevisionId: uuid().references((): AnyPgColumn => briefRevisions.id),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const briefRevisions = pgTable(
  "brief_revisions",
  {
    id: id(),
    briefId: uuid().notNull().references(() => briefs.id),
    number: integer().notNull(),
    doc: jsonb().$type<RichTextDoc>().notNull(),
    /** The text the selectors' offsets count in (see lib/editor/plain-text.ts). */
    plainText: text().notNull(),
    authorId: uuid().references(() => users.id),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("brief_revisions_brief_number_key").on(t.briefId, t.number)],
);

export const annotations = pgTable(
  "annotations",
  {
    id: id(),
    briefId: uuid().notNull().references(() => briefs.id),
    /** The revision the passage was selected on. */
    revisionId: uuid().notNull().references(() => briefRevisions.id),
    selector: jsonb().$type<PassageSelector>().notNull(),
    body: jsonb().$type<RichTextDoc>().notNull(),
    bodyText: text().notNull().default(""),
    /** Who the body @mentions (from the body; kept with it on every write), for "mentions of me". */
    mentionedUserIds: uuid().array().notNull().default(sql`'{}'`),
    tags: text().array().notNull().default([]),
    status: annotationStatusEnum().notNull().default("open"),
    /** Private notes are visible to their author only, in every view and export. */
    isPrivate: boolean().notNull().default(false),
    authorId: uuid().notNull().references(() => users.id),
    resolvedById: uuid().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    /** When the author last changed the body or tags (shown as "edited"). */
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    /** Body and tags, normalised for search. */
    ...searchColumns(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("annotations_search_bigrams_idx").using("gin", t.searchBigrams),
    // The search lists newest first: for a common word, walking this finds a page in a few rows.
    index("annotations_created_idx").on(t.createdAt),
    index("annotations_brief_idx").on(t.briefId, t.createdAt),
    index("annotations_author_idx").on(t.authorId),
    index("annotations_tags_idx").using("gin", t.tags),
    index("annotations_mentions_idx").using("gin", t.mentionedUserIds),
  ],
);

/** Where an annotation sits on each revision; `orphaned` when re-anchoring could not place it. */
export const annotationAnchors = pgTable(
  "annotation_anchors",
  {
    annotationId: uuid().notNull().references(() => annotations.id),
    revisionId: uuid().notNull().references(() => briefRevisions.id),
    start: integer(),
    end: integer(),
    orphaned: boolean().notNull().default(false),
    /** How it was placed: original, exact, position, fuzzy, context, manual (re-attached by a person); orphaned or over_budget when not. */
    method: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.annotationId, t.revisionId] }), index("annotation_anchors_revision_idx").on(t.revisionId)],
);
