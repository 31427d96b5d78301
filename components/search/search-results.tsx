import Link from "next/link";
import { Highlighted } from "@/components/search/highlighted";
import type { Translate } from "@/lib/i18n/catalog";
import type { SearchGroup, SearchKind } from "@/lib/search/global";

/** The list screen that shows every match of a kind, where there is one. */
function listOf(kind: SearchKind, q: string): string | null {
  if (kind === "policy") return `/policies?${new URLSearchParams({ q })}`;
  if (kind === "intake_entry") return `/intake?${new URLSearchParams({ state: "all", q })}`;
  return null;
}

/** The /search page's results: one section per kind, each hit a link, the matched terms marked. */
export function SearchResults({ groups, q, t }: { groups: SearchGroup[]; q: string; t: Translate }) {
  return (
    <div className="space-y-6">
      {groups.map((group) => {
        const headingId = `search-${group.kind}`;
        const list = group.more ? listOf(group.kind, q) : null;
        return (
          <section key={group.kind} aria-labelledby={headingId} data-testid={`search-group-${group.kind}`}>
            <h2 id={headingId} className="mb-2 text-base font-semibold">
              {t(`search.kind_${group.kind}`)}
            </h2>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {group.hits.map((hit) => (
                <li key={hit.id} className="px-4 py-2.5">
                  <Link href={hit.href} className="font-medium break-words">
                    <Highlighted segments={hit.title} />
                  </Link>
                  {hit.detail ? (
                    <p className="mt-0.5 text-sm break-words text-slate-600">
                      <Highlighted segments={hit.detail} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
            {group.more ? (
              <p className="mt-2 text-sm text-slate-600">
                {list ? <Link href={list}>{t("search.moreInList")}</Link> : t("search.more")}
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
