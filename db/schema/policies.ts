import { type SQL, sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { briefRelations, instrumentTypes, policyStatuses, priorities } from "../../lib/vocab";
import { type PassageSelector, type RichTextDoc, briefRevisions } from "./brief";
import { createdAt, id, updatedAt, version } from "./common";
import { frameworkNodes } from "./framework";
import { users } from "./users";

export const instrumentTypeEnum = pgEnum("instrument_type", instrumentTypes);
export const policyStatusEnum = pgEnum("policy_status", policyStatuses);
export const briefRelationEnum = pgEnum("brief_relation", briefRelations);
export const priorityEnum = pgEnum("priority", priorities);
export const datePrecisionEnum = pgEnum("date_precision", ["day", "month", "year"]);

export const issuingBodies = pgTable(
  "issuing_bodies",
  {
    id: id(),
    nameZh: text().notNull(),
    nameKo: text().notNull(),
    nameEn: text(),
    abbreviation: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("issuing_bodies_name_zh_key").on(t.nameZh)],
);

export const policies = pgTable(
  "policies",
  {
    id: id(),
    titleZh: text(),
    titleKo: text().notNull(),
    titleEn: text(),
    documentNumber: text(),
    instrumentType: instrumentTypeEnum().notNull().default("other"),
    status: policyStatusEnum().notNull().default("issued"),
    announcedOn: date(),
    /** Sources such as Table 1 give only a month: the date is then the 1st and shown as a month. */
    announcedPrecision: datePrecisionEnum().notNull().default("day"),
    effectiveOn: date(),
    sourceUrl: text(),
    lastCheckedOn: date(),
    /** Set when a re-check found the source page's text changed; cleared when someone has looked. */
    sourceChangedAt: timestamp({ withTimezone: true }),
    significance: priorityEnum().notNull().default("medium"),
    summary: jsonb().$type<RichTextDoc>(),
    summaryText: text().notNull().default(""),
    relation: briefRelationEnum(),
    /**
     * Character bigrams of `searchText`: a GIN index answers CJK substrings of two characters or more.
     * Written with `searchText` by lib/policies/search-terms.ts (policySearchColumns).
     */
    searchBigrams: text().array().notNull().default([]),
    /**
     * Titles, document number (also without spaces) and summary, each normalised as queries are
     * (lib/search/normalise.ts: width, case, traditional → simplified, brackets, Korean spacing):
     * what a search rechecks with LIKE. Computed in TypeScript on every write — Postgres has no OpenCC.
     */
    searchText: text().notNull().default(""),
    /** The normalisation `searchText` was computed with: older rows are re-indexed after migrating. */
    searchVersion: smallint().notNull().default(0),
    /**
     * The document number as duplicates are compared: width folded (NFKC), bracket and dash styles
     * unified, spaces dropped, lower case (`国发〔2017〕35号` = `国发[2017] 35号`). Kept by Postgres;
     * lib/policies/document-number.ts is the same rule in TypeScript.
     */
    documentNumberKey: text().generatedAlwaysAs(
      (): SQL =>
        sql`lower(regexp_replace(translate(normalize(${policies.documentNumber}, NFKC), '〔〕【】[]—–−‐', '()()()----'), '\\s', '', 'g'))`,
    ),
    createdById: uuid().references(() => users.id),
    deletedAt: timestamp({ withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("policies_announced_idx").on(t.announcedOn),
    // The list's default order (newest announced first, undated last): the first page is an index scan.
    index("policies_newest_idx").on(t.announcedOn.desc().nullsLast(), t.createdAt.desc().nullsFirst()),
    index("policies_created_idx").on(t.createdAt),
    index("policies_document_number_idx").on(t.documentNumber),
    // Duplicate detection by document number, at any size.
    index("policies_document_number_key_idx").on(t.documentNumberKey),
    // An intake entry whose link is already a policy's source is a duplicate: found through this.
    index("policies_source_url_idx").on(t.sourceUrl),
    index("policies_search_bigrams_idx").using("gin", t.searchBigrams),
  ],
);

export const policyIssuingBodies = pgTable(
  "policy_issuing_bodies",
  {
    policyId: uuid().notNull().references(() => policies.id),
    issuingBodyId: uuid().notNull().references(() => issuingBodies.id),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.issuingBodyId] }), index("policy_issuing_bodies_body_idx").on(t.issuingBodyId)],
);

export const policyFrameworkNodes = pgTable(
  "policy_framework_nodes",
  {
    policyId: uuid().notNull().references(() => policies.id),
    nodeId: uuid().notNull().references(() => frameworkNodes.id),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.nodeId] }), index("policy_framework_nodes_node_idx").on(t.nodeId)],
);

/** Passages of the brief a policy bears on. */
export const policyPassages = pgTable(
  "policy_passages",
  {
    id: id(),
    policyId: uuid().notNull().references(() => policies.id),
    revisionId: uuid().notNull().references(() => briefRevisions.id),
    selector: jsonb().$type<PassageSelector>().notNull(),
    /**
     * Not found on the current revision by the last publish's re-anchoring: `revisionId` and
     * `selector` still name where it was last seen.
     */
    orphaned: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("policy_passages_policy_idx").on(t.policyId)],
);

export type Policy = typeof policies.$inferSelect;
export type NewPolicy = typeof policies.$inferInsert;
export type IssuingBody = typeof issuingBodies.$inferSelect;
