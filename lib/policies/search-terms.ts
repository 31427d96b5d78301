import { bigramsOf, normaliseSearchText, searchDocument } from "../search/normalise";

/**
 * Bumped whenever normaliseSearchText or searchDocument changes what they produce: policies with an
 * older `search_version` are re-indexed after the next migration (reindex-search.ts).
 */
export const SEARCH_VERSION = 1;

/** The fields of a policy that a search looks at. */
export type PolicySearchFields = {
  titleZh?: string | null;
  titleKo: string;
  titleEn?: string | null;
  documentNumber?: string | null;
  summaryText?: string | null;
};

/** The derived search columns of a policy, written with every change of its fields. */
export function policySearchColumns(fields: PolicySearchFields) {
  const searchText = searchDocument([fields.titleZh, fields.titleKo, fields.titleEn, fields.summaryText], [fields.documentNumber]);
  return { searchText, searchBigrams: bigramsOf(searchText), searchVersion: SEARCH_VERSION };
}

/** Character bigrams of the given texts, each normalised as the stored search text is. */
export function searchBigrams(...texts: (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const text of texts) if (text) for (const g of bigramsOf(normaliseSearchText(text))) grams.add(g);
  return [...grams];
}
