import type { Metadata } from "next";
import { LiveTopic } from "@/components/live/live-topic";
import Link from "next/link";
import { PolicyFiltersForm } from "@/components/policies/policy-filters";
import { PolicyTable } from "@/components/policies/policy-table";
import { PolicyTimeline } from "@/components/policies/policy-timeline";
import { SaveSearchPanel } from "@/components/saved-searches/save-search-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { isFiltered, parsePolicyFilters, policyFiltersQuery } from "@/lib/policies/filters";
import { listFrameworkOptions, listIssuingBodies } from "@/lib/policies/form-queries";
import { TIMELINE_LIMIT, getPolicyPage, getPolicyTimeline } from "@/lib/policies/list-queries";
import { parseSearchQuery } from "@/lib/search/query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("policies.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const button = "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";

export default async function PoliciesPage({ searchParams }: Props) {
  const actor = await requireActor("/policies");
  const isAdmin = can(actor.role, "policies.delete");
  const parsed = parsePolicyFilters(await searchParams);
  // Only admins may list deleted policies; for anyone else the flag is ignored.
  const filters = { ...parsed, deleted: parsed.deleted && isAdmin };
  const [t, locale, dimensions, bodies] = await Promise.all([getT(), getLocale(), listFrameworkOptions(), listIssuingBodies()]);
  const query = policyFiltersQuery(filters, { page: 1, view: "table" });
  const canEdit = can(actor.role, "policies.edit");

  const page = filters.view === "table" ? await getPolicyPage(filters, { deleted: filters.deleted }) : null;
  const timeline = filters.view === "timeline" ? await getPolicyTimeline(filters) : null;
  const total = page ? page.total : (timeline?.rows.length ?? 0);
  const empty = (
    <EmptyState
      title={isFiltered(filters) || filters.deleted ? t("policies.emptyFiltered") : t("policies.empty")}
      hint={isFiltered(filters) ? t("policies.emptyFilteredHint") : undefined}
    >
      {!isFiltered(filters) && canEdit ? <Link href="/policies/new">{t("policies.new")}</Link> : null}
    </EmptyState>
  );

  return (
    <div>
      <LiveTopic entityType="policy" />
      <PageHeader title={t("policies.title")} meta={page ? t(page.capped ? "policies.countAtLeast" : "policies.count", { count: page.total.toLocaleString(locale) }) : undefined} intro={t("policies.intro")} />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        {canEdit ? (
          <>
            <Link href="/policies/new" className="inline-flex items-center rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 hover:no-underline">
              {t("policies.new")}
            </Link>
            <Link href="/policies/import" className={button}>{t("policies.import")}</Link>
          </>
        ) : null}
        <a href={`/api/policies/export.csv${query}`} className={button}>{t("policies.exportCsv")}</a>
        <a href={`/api/policies/export.json${query}`} className={button}>{t("policies.exportJson")}</a>
        <nav aria-label={t("policies.view")} className="ml-auto flex gap-1 text-sm">
          {(["table", "timeline"] as const).map((view) => (
            <Link
              key={view}
              href={`/policies${policyFiltersQuery(filters, { view, page: 1, deleted: false })}`}
              aria-current={filters.view === view ? "page" : undefined}
              className="rounded-md px-3 py-1.5 aria-[current=page]:bg-slate-800 aria-[current=page]:text-white"
            >
              {t(view === "table" ? "policies.viewTable" : "policies.viewTimeline")}
            </Link>
          ))}
        </nav>
      </div>
      <PolicyFiltersForm filters={filters} dimensions={dimensions} bodies={bodies} t={t} locale={locale} showDeleted={isAdmin && filters.view === "table"} />
      <SaveSearchPanel actor={actor} scope="policies" query={policyFiltersQuery(filters, { page: 1, deleted: false })} t={t} />
      {total === 0 ? empty : null}
      {page && page.total > 0 ? (
        <>
          <PolicyTable rows={page.rows} t={t} locale={locale} query={filters.q ? parseSearchQuery(filters.q) : undefined} />
          <div className="mt-4">
            <Pager page={filters.page} pages={page.pages} href={(n) => `/policies${policyFiltersQuery(filters, { page: n })}`} label={t("policies.pagination")} t={t} />
          </div>
        </>
      ) : null}
      {timeline && timeline.rows.length > 0 ? (
        <>
          {timeline.capped ? <p className="mb-3 text-sm text-amber-800">{t("policies.timelineCapped", { count: TIMELINE_LIMIT })}</p> : null}
          <PolicyTimeline rows={timeline.rows} dimensions={dimensions} t={t} locale={locale} />
        </>
      ) : null}
    </div>
  );
}
