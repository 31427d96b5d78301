import { bigramsOf, searchDocument, titledSearchDocument } from "./normalise";

/**
 * Bumped whenever normaliseSearchText or searchDocument changes what they produce: records with
 * an older `search_version` are re-indexed after the next migration (lib/search/reindex.ts).
 */
export const SEARCH_VERSION = 2; // 2: policies' titles in a section of their own

/** The derived search columns (db/schema/common.ts searchColumns) of a stored search text. */
function columnsOf(searchText: string) {
  return { searchText, searchBigrams: bigramsOf(searchText), searchVersion: SEARCH_VERSION };
}

/** The derived search columns of a record with these fields. */
export function searchColumnsOf(fields: (string | null | undefined)[], compact: (string | null | undefined)[] = []) {
  return columnsOf(searchDocument(fields, compact));
}

/** The search columns of a policy: its titles first, in a section of their own, for ranking. */
export function policySearch(p: { titleZh?: string | null; titleKo: string; titleEn?: string | null; documentNumber?: string | null; summaryText?: string | null }) {
  return columnsOf(titledSearchDocument([p.titleZh, p.titleKo, p.titleEn], [p.summaryText], [p.documentNumber]));
}

/** What an annotation is found by: its note and its tags. */
export const annotationSearch = (a: { bodyText: string; tags?: string[] | null }) => searchColumnsOf([a.bodyText, ...(a.tags ?? [])]);

/** What a comment is found by: its text. */
export const commentSearch = (c: { bodyText: string }) => searchColumnsOf([c.bodyText]);

/** What a response item is found by: its title and description. */
export const responseItemSearch = (r: { title: string; descriptionText?: string | null }) => searchColumnsOf([r.title, r.descriptionText]);

/** What a framework node is found by: both labels and the description. */
export const frameworkNodeSearch = (n: { labelKo: string; labelEn: string; description?: string | null }) =>
  searchColumnsOf([n.labelKo, n.labelEn, n.description]);

/** What an intake entry is found by: its title as published. */
export const intakeEntrySearch = (e: { title: string }) => searchColumnsOf([e.title]);
