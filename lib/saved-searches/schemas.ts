import { z } from "zod";
import type { MessageKey } from "../i18n/catalog";
import { entryFiltersQuery, parseEntryFilters } from "../intake/filters";
import { parsePolicyFilters, policyFiltersQuery } from "../policies/filters";
import { type SavedSearchScope, savedSearchScopes } from "../vocab";

/** An HTML checkbox: "on" when ticked, absent otherwise. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());
const name = z.string().trim().min(1).max(80);
const version = z.coerce.number().int().min(1);

/**
 * The stored form of a view's query: what the screen's own parser keeps, written back by the
 * screen's own writer (defaults left out, no page), so a saved search reopens exactly the list it
 * was saved from and the alert tests the same conditions. Deleted policies are an admin's
 * working view, not something to follow: that flag is dropped.
 */
export function canonicalQuery(scope: SavedSearchScope, query: string): string {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const out =
    scope === "policies"
      ? policyFiltersQuery(parsePolicyFilters(params), { page: 1, deleted: false })
      : entryFiltersQuery(parseEntryFilters(params), { page: 1 });
  return out.startsWith("?") ? out.slice(1) : out;
}

/** The screen a saved search opens: `/policies?…` or `/intake?…`. */
export function savedSearchHref(search: { scope: SavedSearchScope; query: string }): string {
  return `/${search.scope}${search.query ? `?${search.query}` : ""}`;
}

/** "Save this search" on the policies list or the intake queue (the form and the action). */
export const saveSearchSchema = z
  .object({
    scope: z.enum(savedSearchScopes),
    query: z.string().max(2000).default(""),
    name,
    shared: checkbox.default(false),
    alert: checkbox.default(false),
  })
  .transform((input) => ({ ...input, query: canonicalQuery(input.scope, input.query) }))
  .refine((input) => !(input.alert && input.scope !== "policies"), { path: ["alert"], message: "savedSearches.error.alertPoliciesOnly" satisfies MessageKey });
export type SaveSearchInput = z.input<typeof saveSearchSchema>;

/** Renaming, sharing or unsharing one's own saved search. */
export const updateSavedSearchSchema = z.object({ id: z.guid(), version, name, shared: checkbox.default(false) });
export type UpdateSavedSearchInput = z.input<typeof updateSavedSearchSchema>;

export const savedSearchRefSchema = z.object({ id: z.guid() });
export type SavedSearchRefInput = z.input<typeof savedSearchRefSchema>;

/** "Alert me" on or off, for the caller only. */
export const setSavedSearchAlertSchema = z.object({ id: z.guid(), alert: checkbox });
export type SetSavedSearchAlertInput = z.input<typeof setSavedSearchAlertSchema>;
