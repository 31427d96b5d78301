import { policySearch } from "../search/documents";
import { bigramsOf, normaliseSearchText } from "../search/normalise";

export { SEARCH_VERSION } from "../search/documents";

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
  return policySearch(fields);
}

/** Character bigrams of the given texts, each normalised as the stored search text is. */
export function searchBigrams(...texts: (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const text of texts) if (text) for (const g of bigramsOf(normaliseSearchText(text))) grams.add(g);
  return [...grams];
}
