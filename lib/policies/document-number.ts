const BRACKETS: Record<string, string> = { "〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")", "—": "-", "–": "-", "−": "-", "‐": "-" };

/**
 * A document number as duplicates are compared — the same rule as the `document_number_key`
 * column Postgres keeps (db/schema/policies.ts): NFKC width folding (full-width digits and
 * brackets), one bracket and one dash style, no spaces, lower case.
 */
export function documentNumberKey(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[〔〕【】[\]—–−‐]/g, (c) => BRACKETS[c])
    .replace(/\s/g, "")
    .toLowerCase();
}
