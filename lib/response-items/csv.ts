export { toCsv } from "../csv";

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
