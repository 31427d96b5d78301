import { z } from "zod";
import { briefRelations, instrumentTypes, policyStatuses, priorities } from "../vocab";

/**
 * The policies screen's view as URL query parameters (`q` holds the search text), shared by the
 * screen, the exports and the links between them. Unknown or malformed values fall back to
 * "no filter" instead of failing, so an edited or old URL still opens a view.
 */

export const policySorts = ["announced_desc", "announced_asc", "title_asc", "updated_desc", "significance"] as const;
export type PolicySort = (typeof policySorts)[number];
export const PAGE_SIZE = 25;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const policyFiltersSchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  node: optional(z.guid()),
  type: optional(z.enum(instrumentTypes)),
  status: optional(z.enum(policyStatuses)),
  body: optional(z.guid()),
  relation: optional(z.enum(briefRelations)),
  significance: optional(z.enum(priorities)),
  from: optional(day),
  to: optional(day),
  sort: z.enum(policySorts).catch("announced_desc").default("announced_desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  view: z.enum(["table", "timeline"]).catch("table").default("table"),
  /** Admins only: list the soft-deleted policies instead of the live ones. */
  deleted: z.preprocess((v) => v === "1" || v === "true", z.boolean()).catch(false).default(false),
});
export type PolicyFilters = z.output<typeof policyFiltersSchema>;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** The filters of a URL's query (the first value of a repeated parameter wins). */
export function parsePolicyFilters(params: Params): PolicyFilters {
  const raw: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in raw)) raw[k] = v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (first !== undefined && first !== "") raw[k] = first;
    }
  }
  return policyFiltersSchema.parse(raw);
}

const defaults = policyFiltersSchema.parse({});

/** The query string of `filters` with `changes` applied, leaving defaults out: `?q=…&node=…`. */
export function policyFiltersQuery(filters: PolicyFilters, changes: Partial<PolicyFilters> = {}): string {
  const merged = { ...filters, ...changes };
  const out = new URLSearchParams();
  for (const key of Object.keys(defaults).concat(["node", "type", "status", "body", "relation", "significance", "from", "to"]) as (keyof PolicyFilters)[]) {
    const value = merged[key];
    if (value === undefined || value === null || value === "" || value === defaults[key] || out.has(key)) continue;
    out.set(key, value === true ? "1" : String(value));
  }
  const s = out.toString();
  return s ? `?${s}` : "";
}

/** True when any filter or search narrows the list (for the empty state's wording). */
export function isFiltered(f: PolicyFilters): boolean {
  return Boolean(f.q || f.node || f.type || f.status || f.body || f.relation || f.significance || f.from || f.to);
}
