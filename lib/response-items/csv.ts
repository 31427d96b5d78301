/**
 * CSV for spreadsheets. Every cell is quoted; a cell that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab/CR that some treat the same) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows as CSV with a UTF-8 BOM (so Excel reads Korean) and CRLF line ends. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The status report's columns (message keys), in order: the CSV export and the printable page. */
export const REPORT_COLUMNS = [
  "items.number",
  "items.titleColumn",
  "items.owner",
  "items.status",
  "items.priority",
  "items.dueOn",
  "items.lastUpdate",
  "items.openImpacts",
] as const;
