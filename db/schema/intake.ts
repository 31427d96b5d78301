import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { intakeStates, sourceKinds } from "../../lib/vocab";
import { createdAt, id, searchColumns, updatedAt, version } from "./common";
import { policies } from "./policies";
import { users } from "./users";

export const sourceKindEnum = pgEnum("source_kind", sourceKinds);
export const intakeStateEnum = pgEnum("intake_state", intakeStates);

/** A place new policies appear: a feed or a government list page, checked on a schedule. */
export const sources = pgTable(
  "sources",
  {
    id: id(),
    name: text().notNull(),
    url: text().notNull(),
    kind: sourceKindEnum().notNull(),
    /** HTML list pages: the CSS selector of the item links, and optional title and date selectors. */
    linkSelector: text(),
    titleSelector: text(),
    dateSelector: text(),
    intervalMinutes: integer().notNull().default(360),
    enabled: boolean().notNull().default(true),
    /** When the scheduler next claims this source; moved forward by the claim itself. */
    nextCheckAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastCheckedAt: timestamp({ withTimezone: true }),
    lastSuccessAt: timestamp({ withTimezone: true }),
    /** The last failure as a code (`timeout`, `http_status`, `invalid_xml` …) shown in words, and its detail. */
    lastError: text(),
    lastErrorDetail: text(),
    lastErrorAt: timestamp({ withTimezone: true }),
    /** Entries this source has brought in, all time. */
    entriesFound: integer().notNull().default(0),
    /** Validators of the last 200 answer, sent back so an unchanged feed costs one 304. */
    etag: text(),
    lastModified: text(),
    createdById: uuid().references(() => users.id),
    deletedAt: timestamp({ withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sources_url_key").on(t.url).where(sql`${t.deletedAt} is null`),
    index("sources_due_idx").on(t.nextCheckAt).where(sql`${t.enabled} and ${t.deletedAt} is null`),
    check("sources_interval_check", sql`${t.intervalMinutes} >= 15`),
  ],
);

/** One item a source published, and what the team decided about it. */
export const intakeEntries = pgTable(
  "intake_entries",
  {
    id: id(),
    sourceId: uuid().notNull().references(() => sources.id),
    title: text().notNull(),
    url: text().notNull(),
    /** The URL as compared (scheme, host case, tracking parameters and fragment folded). */
    canonicalUrl: text().notNull(),
    /** The title as compared within one source (NFKC, spaces removed, lower case). */
    titleKey: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    firstSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    state: intakeStateEnum().notNull().default("new"),
    /** The policy it was logged as, or the existing policy it duplicates. */
    policyId: uuid().references(() => policies.id),
    /** A policy that looks like the same document (title or document number), for the editor to confirm. */
    suggestedPolicyId: uuid().references(() => policies.id),
    dismissReason: text(),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    /** The title as published, normalised for search. */
    ...searchColumns(),
    version: version(),
  },
  (t) => [
    // An entry seen again — the same canonical URL anywhere, or the same title from the same source — is not new.
    uniqueIndex("intake_entries_canonical_url_key").on(t.canonicalUrl),
    uniqueIndex("intake_entries_source_title_key").on(t.sourceId, t.titleKey),
    index("intake_entries_state_idx").on(t.state, t.firstSeenAt.desc()),
    index("intake_entries_source_idx").on(t.sourceId, t.firstSeenAt.desc()),
    index("intake_entries_policy_idx").on(t.policyId),
    index("intake_entries_search_bigrams_idx").using("gin", t.searchBigrams),
  ],
);

/**
 * The text of a policy's source page at one check. A failed check (404, timeout) is recorded
 * too, with no text: the last text stays readable when the original link dies.
 */
export const sourceSnapshots = pgTable(
  "source_snapshots",
  {
    id: id(),
    policyId: uuid().notNull().references(() => policies.id),
    url: text().notNull(),
    fetchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The HTTP status, or null when no answer came (timeout, refused address). */
    httpStatus: integer(),
    error: text(),
    text: text(),
    /** SHA-256 of the text, hex: a re-check compares hashes, not texts. */
    hash: text(),
  },
  (t) => [index("source_snapshots_policy_idx").on(t.policyId, t.fetchedAt.desc())],
);

export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
export type IntakeEntry = typeof intakeEntries.$inferSelect;
export type NewIntakeEntry = typeof intakeEntries.$inferInsert;
export type SourceSnapshot = typeof sourceSnapshots.$inferSelect;
