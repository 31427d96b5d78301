import { saveSearchAction } from "@/app/(workspace)/saved-searches/actions";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import type { Translate } from "@/lib/i18n/catalog";
import type { SavedSearchScope } from "@/lib/vocab";
import { type FormAction, SaveSearchForm } from "./saved-search-forms";

/** "Save this search" for the list a page shows (`query`: the view's query string). */
export function SaveSearchPanel({ actor, scope, query, t }: { actor: Actor; scope: SavedSearchScope; query: string; t: Translate }) {
  if (!can(actor.role, "savedSearches.save")) return null;
  return (
    <SaveSearchForm
      action={saveSearchAction as FormAction}
      scope={scope}
      query={query}
      canShare={can(actor.role, "savedSearches.share")}
      labels={{
        summary: t("savedSearches.saveThis"),
        legend: t("savedSearches.saveLegend"),
        name: t("savedSearches.name"),
        shared: t("savedSearches.shared"),
        sharedHint: t("savedSearches.sharedHint"),
        privateOnly: t("savedSearches.privateOnly"),
        alert: t("savedSearches.alert"),
        alertHint: t("savedSearches.alertHint"),
        save: t("savedSearches.save"),
        saving: t("savedSearches.saving"),
        saved: t("savedSearches.saved"),
        manageLink: t("savedSearches.manageLink"),
      }}
    />
  );
}
