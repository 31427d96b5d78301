import Link from "next/link";
import type { Translate } from "@/lib/i18n/catalog";
import type { SavedSearchRow } from "@/lib/saved-searches/queries";
import { savedSearchHref } from "@/lib/saved-searches/schemas";

/**
 * The navigation's "saved searches" group: a native disclosure under the screens, folded by
 * default, so a long list never pushes the screens away (on a phone it opens below the row of
 * screens, full width). Private ones are marked as such; their owner is the only one who gets them.
 */
export function SavedSearchNav({ searches, t }: { searches: SavedSearchRow[]; t: Translate }) {
  return (
    <details data-testid="saved-search-nav" className="group border-t border-slate-200 px-3 py-1.5 text-sm md:mx-2 md:px-0 md:py-2">
      <summary className="cursor-pointer rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-200/70 md:px-3">
        {t("nav.savedSearches")}
        {searches.length ? (
          <span className="ml-1.5 text-xs text-slate-500 tabular-nums">
            <span aria-hidden="true">{searches.length}</span>
            <span className="sr-only">{t("nav.savedSearchesCount", { count: searches.length })}</span>
          </span>
        ) : null}
      </summary>
      <ul className="mt-1 space-y-0.5">
        {searches.map((s) => (
          <li key={s.id}>
            <Link
              href={savedSearchHref(s)}
              className="flex min-w-0 items-baseline gap-1.5 rounded-md px-3 py-1 text-slate-700 no-underline hover:bg-slate-200/70 hover:text-slate-950 hover:no-underline"
            >
              <span className="min-w-0 truncate" title={s.name}>{s.name}</span>
              <span className="shrink-0 text-xs text-slate-500">
                {t(s.scope === "policies" ? "savedSearches.scopePolicies" : "savedSearches.scopeIntake")}
                {s.shared ? null : ` · ${t("nav.savedSearchPrivate")}`}
                {s.alert ? ` · ${t("nav.savedSearchAlert")}` : null}
              </span>
            </Link>
          </li>
        ))}
        {searches.length === 0 ? <li className="px-3 py-1 text-xs text-slate-500">{t("nav.savedSearchesNone")}</li> : null}
        <li>
          <Link href="/saved-searches" className="block px-3 py-1 text-xs">
            {t("nav.savedSearchesManage")}
          </Link>
        </li>
      </ul>
    </details>
  );
}
