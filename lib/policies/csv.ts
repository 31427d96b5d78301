/**
 * The import/export columns, in order (README documents them). Multi-values are `;`-separated;
 * `passages` holds the quoted brief passages, one per line. Every column the export writes, the
 * import reads, so export → import → export gives the same file.
 */
export const CSV_COLUMNS = [
  "title_zh",
  "title_ko",
  "title_en",
  "issuing_bodies",
  "document_number",
  "instrument_type",
  "status",
  "announced_on",
  "effective_on",
  "source_url",
  "framework_nodes",
  "relation",
  "summary",
  "significance",
  "last_checked_on",
  "passages",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export { parseCsv } from "../csv";

/** `a; b ;c` → ["a", "b", "c"]. */
export function splitMulti(value: string | undefined): string[] {
  return (value ?? "").split(";").map((v) => v.trim()).filter(Boolean);
}
