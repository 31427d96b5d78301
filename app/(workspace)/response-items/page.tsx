import type { Metadata } from "next";
import { LiveTopic } from "@/components/live/live-topic";
import Link from "next/link";
import { ItemFilterForm } from "@/components/response-items/item-filters";
import { ItemsTable } from "@/components/response-items/items-table";
import { BOARD_COLUMN_STEP, StatusBoard } from "@/components/response-items/status-board";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/page-header";
import { actorCan, requireActor } from "@/lib/auth/session";
import { getFrameworkOverview } from "@/lib/framework/queries";
import { formatDate, todayIn } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { hasItemFilters, itemFiltersQuery, parseItemFilters } from "@/lib/response-items/filters";
import { listOwnerCandidates, listResponseItemRefs, responseItemRows } from "@/lib/response-items/queries";
import { type ItemStatus, itemStatuses } from "@/lib/vocab";
import { addProgressUpdateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("items.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Rows per page of the list view. */
const LIST_PAGE_SIZE = 25;

/** A positive whole number from the query (`?page=3`, `?show=40`), or `fallback`. */
function positive(value: string | string[] | undefined, fallback: number, max: number): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

export default async function ResponseItemsPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseItemFilters(params);
  // The board shows the first `show` cards of each column; the list one page.
  const shown = positive(params.show, BOARD_COLUMN_STEP, 10_000);
  const requestedPage = positive(params.page, 1, 10_000);
  const actor = await requireActor(`/response-items${itemFiltersQuery(filters)}`);
  const today = todayIn();
  const [t, locale, refs, owners, framework, canEdit] = await Promise.all([
    getT(),
    getLocale(),
    listResponseItemRefs(filters, { actorId: actor.id, today }),
    listOwnerCandidates(),
    getFrameworkOverview({ counts: false }),
    actorCan("responseItems.edit"),
  ]);
  const pages = Math.max(1, Math.ceil(refs.length / LIST_PAGE_SIZE));
  const page = Math.min(requestedPage, pages);
  // Only the rows on screen are read whole: a column's first `shown` cards, or one page of the list.
  const counts = Object.fromEntries(itemStatuses.map((status) => [status, 0])) as Record<ItemStatus, number>;
  for (const ref of refs) counts[ref.status]++;
  const onScreen =
    filters.view === "board"
      ? itemStatuses.flatMap((status) => refs.filter((r) => r.status === status).slice(0, shown))
      : refs.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE);
  const items = await responseItemRows(onScreen.map((r) => r.id));
  const query = itemFiltersQuery(filters);
  const withParam = (name: string, value: number) => `/response-items${query}${query ? "&" : "?"}${name}=${value}`;
  const nodes = framework.flatMap((d) =>
    d.nodes.map((n) => ({ id: n.id, label: locale === "en" ? n.labelEn : n.labelKo, group: locale === "en" ? d.nameEn : d.nameKo })),
  );
  const tab = (view: "list" | "board", label: string) => (
    <Link
      href={`/response-items${itemFiltersQuery(filters, { view })}`}
      aria-current={filters.view === view ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium no-underline ${filters.view === view ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );

  return (
    <div>
      <LiveTopic entityType="response_item" />
      <PageHeader title={t("items.title")} intro={t("items.intro")} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("items.views")} className="flex gap-1 rounded-lg border border-slate-200 bg-white p-1">
          {tab("list", t("items.viewList"))}
          {tab("board", t("items.viewBoard"))}
        </nav>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <a href="/api/response-items/export.csv">{t("items.exportCsv")}</a>
          <Link href="/response-items/report">{t("items.report")}</Link>
          {canEdit ? (
            <Link href="/response-items/new" className="rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white no-underline hover:bg-blue-800">
              {t("items.newItem")}
            </Link>
          ) : null}
        </div>
      </div>
      <ItemFilterForm filters={filters} owners={owners} nodes={nodes} t={t} />
      <p className="mb-2 text-sm text-slate-500" role="status">
        {t("items.resultCount", { count: refs.length })}
      </p>
      {refs.length === 0 ? (
        hasItemFilters(filters) ? (
          <EmptyState title={t("items.noMatch")} hint={t("items.noMatchHint")} />
        ) : (
          <EmptyState title={t("items.empty")}>{canEdit ? <Link href="/response-items/new">{t("items.newItem")}</Link> : null}</EmptyState>
        )
      ) : filters.view === "board" ? (
        <StatusBoard
          items={items}
          counts={counts}
          shown={shown}
          moreHref={withParam("show", shown + BOARD_COLUMN_STEP)}
          today={today}
          dueLabel={(dueOn) => formatDate(dueOn, locale)}
          move={addProgressUpdateAction}
          t={t}
        />
      ) : (
        <div className="space-y-3">
          <ItemsTable items={items} t={t} locale={locale} today={today} />
          <Pager page={page} pages={pages} href={(n) => withParam("page", n)} label={t("items.pagination")} t={t} />
        </div>
      )}
    </div>
  );
}
