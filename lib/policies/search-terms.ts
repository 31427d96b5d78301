/**
 * Character bigrams of the given texts, for the GIN-indexed `search_bigrams` column: any query of
 * two or more characters is answered by the index (every bigram of the query must be present),
 * then rechecked with ILIKE. Chinese and Korean have no spaces to split on, so words won't do.
 */
export function searchBigrams(...texts: (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const chars = Array.from(text.normalize("NFKC").toLowerCase());
    for (let i = 0; i + 1 < chars.length; i++) {
      const gram = chars[i] + chars[i + 1];
      if (!/\s/u.test(gram)) grams.add(gram);
    }
  }
  return [...grams];
}
