import { z } from "zod";

/** The entity types the activity screen can filter on (what verbs record today). */
export const activityEntityTypes = ["policy", "response_item", "annotation", "comment", "brief", "user", "invitation"] as const;

export const ACTIVITY_PAGE_SIZE = 50;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));
const loose = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, schema.optional().catch(undefined));

/**
 * The activity screen's filters, as the URL carries them (`?actor=&type=&from=&to=&page=`).
 * Anything malformed is dropped rather than refused: a hand-edited URL still shows a page.
 */
export const activityFiltersSchema = z.object({
  actor: loose(z.guid()),
  type: loose(z.enum(activityEntityTypes)),
  from: loose(day),
  to: loose(day),
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(100_000).catch(1)),
});
export type ActivityFilters = z.output<typeof activityFiltersSchema>;

/** The URL query for `filters` with `changes` applied (empty values left out). */
export function activityQuery(filters: ActivityFilters, changes: Partial<ActivityFilters> = {}): string {
  const next = { ...filters, ...changes };
  const params = new URLSearchParams();
  for (const key of ["actor", "type", "from", "to"] as const) if (next[key]) params.set(key, String(next[key]));
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
