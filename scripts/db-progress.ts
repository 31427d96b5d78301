import type { Progress } from "../db/backup/backup";

/** Progress on stderr: a line per table, and every 2 s for a big one (rows and rows/s). */
export function progressPrinter(verb: string) {
  let table = "";
  let started = 0;
  let lastPrinted = 0;
  const rate = (done: number) => Math.round(done / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString("en");
  return (p: Progress) => {
    const now = Date.now();
    if (p.table !== table) {
      table = p.table;
      started = now;
      lastPrinted = now;
    }
    const finished = p.done === p.total;
    if (!finished && now - lastPrinted < 2000) return;
    lastPrinted = now;
    const count = `${p.done.toLocaleString("en")}${finished ? "" : ` / ${p.total.toLocaleString("en")}`} ${p.total === 1 ? "row" : "rows"}`;
    process.stderr.write(`${verb} ${p.table}: ${count}${p.total >= 1000 ? ` (${rate(p.done)} rows/s)` : ""}\n`);
  };
}
