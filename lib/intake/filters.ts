import { type IntakeState, intakeStates } from "../vocab";

/**
 * The intake queue's view as URL query parameters (`state`, `source`, `q`, `page`), read by the
 * queue and written back by its links and by saved searches. Pure: no database.
 */
export type EntryFilters = { state: IntakeState | "all"; sourceId: string | null; q: string; page: number };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** Reads the queue's filters from the URL: new entries by default. */
export function parseEntryFilters(params: Params): EntryFilters {
  const one = (key: string) => {
    const v = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const state = one("state");
  const sourceId = one("source");
  const page = Number.parseInt(one("page"), 10);
  return {
    state: state === "all" ? "all" : (intakeStates as readonly string[]).includes(state) ? (state as IntakeState) : "new",
    sourceId: /^[0-9a-f-]{36}$/i.test(sourceId) ? sourceId : null,
    q: one("q").trim().slice(0, 200),
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 1000) : 1,
  };
}

/** The query string of `filters` with `changes` applied, leaving defaults out: `?state=all&q=…`. */
export function entryFiltersQuery(filters: EntryFilters, changes: Partial<EntryFilters> = {}): string {
  const merged = { ...filters, ...changes };
  const query = new URLSearchParams();
  if (merged.state !== "new") query.set("state", merged.state);
  if (merged.sourceId) query.set("source", merged.sourceId);
  if (merged.q) query.set("q", merged.q);
  if (merged.page > 1) query.set("page", String(merged.page));
  const s = query.toString();
  return s ? `?${s}` : "";
}
