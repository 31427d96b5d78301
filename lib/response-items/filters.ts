import { itemStatuses, priorities, type ItemStatus, type Priority } from "../vocab";
import { isUuid } from "../uuid";

/** The list/board filters, as they live in the URL (`/response-items?status=blocked&mine=1`). */
export type ItemFilters = {
  view: "list" | "board";
  /** A user id, or "none" for unowned items. */
  owner: string | null;
  mine: boolean;
  status: ItemStatus | null;
  priority: Priority | null;
  node: string | null;
  overdue: boolean;
  needsReview: boolean;
  sort: "number" | "due" | "priority";
};

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Reads filters from search params; anything unknown is ignored, never an error. */
export function parseItemFilters(params: Params): ItemFilters {
  const owner = one(params.owner);
  const status = one(params.status);
  const priority = one(params.priority);
  const node = one(params.node);
  const sort = one(params.sort);
  return {
    view: one(params.view) === "board" ? "board" : "list",
    owner: owner === "none" || isUuid(owner) ? owner : null,
    mine: one(params.mine) === "1",
    status: (itemStatuses as readonly string[]).includes(status) ? (status as ItemStatus) : null,
    priority: (priorities as readonly string[]).includes(priority) ? (priority as Priority) : null,
    node: isUuid(node) ? node : null,
    overdue: one(params.overdue) === "1",
    needsReview: one(params.review) === "1",
    sort: sort === "due" || sort === "priority" ? sort : "number",
  };
}

/** The query string for `filters` with `change` applied (defaults left out). */
export function itemFiltersQuery(filters: ItemFilters, change: Partial<ItemFilters> = {}): string {
  const f = { ...filters, ...change };
  const q = new URLSearchParams();
  if (f.view === "board") q.set("view", "board");
  if (f.owner) q.set("owner", f.owner);
  if (f.mine) q.set("mine", "1");
  if (f.status) q.set("status", f.status);
  if (f.priority) q.set("priority", f.priority);
  if (f.node) q.set("node", f.node);
  if (f.overdue) q.set("overdue", "1");
  if (f.needsReview) q.set("review", "1");
  if (f.sort !== "number") q.set("sort", f.sort);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** True when any filter (not the view or the sort) is set. */
export function hasItemFilters(f: ItemFilters): boolean {
  return Boolean(f.owner || f.mine || f.status || f.priority || f.node || f.overdue || f.needsReview);
}
