import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * The one CSV reader and writer of the app (exports, imports, the CLI), on csv-parse and
 * csv-stringify: RFC 4180, a UTF-8 BOM and CRLF line ends so spreadsheet programs read Korean and
 * Chinese, and cells a spreadsheet would run as a formula neutralised on the way out and restored
 * on the way in, so an export read back gives exactly what was exported.
 */

// A cell starting with = + - @, a tab or a CR is run as a formula by spreadsheet programs. It is
// written with a leading apostrophe (shown as text, not computed); cells that already start with
// apostrophes before such a character get one more, so reading strips exactly one and round-trips.
const FORMULA = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

export function restore(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

export type CsvCell = string | number | null | undefined;

/** Rows as a CSV file: BOM, CRLF, quotes only where needed (and around edge spaces), formulas neutralised. */
export function toCsv(rows: CsvCell[][]): string {
  const cells = rows.map((row) => row.map((cell) => neutralise(cell === null || cell === undefined ? "" : String(cell))));
  return `\uFEFF${stringify(cells, { record_delimiter: "windows", quoted_match: /^\s|\s$|[\r\n]/ })}`;
}

/** A CSV text as rows of cells (a BOM, CRLF or LF, quoted line breaks; blank lines are not rows). */
export function parseCsv(text: string): string[][] {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as string[][];
  return rows.map((row) => row.map(restore));
}

/** How a file's bytes were read, named as a person knows it. */
const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "euc-kr": "CP949 (EUC-KR)",
  gb18030: "GB18030",
  big5: "Big5",
};

export function encodingName(charset: string): string {
  return ENCODING_NAMES[charset] ?? charset.toUpperCase();
}
