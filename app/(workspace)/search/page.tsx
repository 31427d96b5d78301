import type { Metadata } from "next";
import { SearchResults } from "@/components/search/search-results";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db/client";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { PAGE_LIMIT, globalSearch } from "@/lib/search/global";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function queryOf(searchParams: Props["searchParams"]): Promise<string> {
  const q = (await searchParams).q;
  return (typeof q === "string" ? q : "").trim().slice(0, MAX_QUERY_LENGTH);
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, q] = await Promise.all([getT(), queryOf(searchParams)]);
  return { title: q ? t("search.resultsFor", { q }) : t("search.title") };
}

/** Everything the reader may see that matches `?q=`: a shareable page with the header dialog's results, more of each kind. */
export default async function SearchPage({ searchParams }: Props) {
  const q = await queryOf(searchParams);
  const actor = await requireActor(q ? `/search?${new URLSearchParams({ q })}` : "/search");
  const t = await getT();
  const groups = q ? await globalSearch(db(), actor.id, q, PAGE_LIMIT) : [];
  return (
    <>
      <PageHeader title={t("search.title")} />
      <form role="search" action="/search" className="mb-6 space-y-1.5">
        <label htmlFor="search-page-q" className="block text-sm font-medium text-slate-700">
          {t("search.label")}
        </label>
        <div className="flex flex-wrap gap-2">
          <input id="search-page-q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} aria-describedby="search-page-syntax" className={`${inputClass} min-w-0 flex-1`} />
          <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
            {t("search.submit")}
          </button>
        </div>
        <p id="search-page-syntax" className="text-sm text-slate-500">
          {t("search.syntax")}
        </p>
      </form>
      {!q ? (
        <EmptyState title={t("search.emptyTitle")} hint={t("search.emptyHint")} />
      ) : groups.length === 0 ? (
        <EmptyState title={t("search.noResults", { q })} hint={t("search.noResultsHint")} />
      ) : (
        <SearchResults groups={groups} q={q} t={t} />
      )}
    </>
  );
}
