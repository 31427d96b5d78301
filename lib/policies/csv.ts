/** The import/export columns, in order (README documents them). Multi-values are `;`-separated. */
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
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** RFC 4180 CSV: quoted fields with `""` escapes and line breaks, CRLF or LF, an optional UTF-8 BOM. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines (a trailing newline, an empty line between rows) are not rows.
  return rows.filter((r) => r.length > 1 || r[0] !== "");
}

function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file (with a BOM, so spreadsheet programs read the Korean and Chinese as UTF-8). */
export function toCsv(header: readonly string[], rows: string[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}

/** `a; b ;c` → ["a", "b", "c"]. */
export function splitMulti(value: string | undefined): string[] {
  return (value ?? "").split(";").map((v) => v.trim()).filter(Boolean);
}
