import type { Metadata } from "next";
import { LiveTopic } from "@/components/live/live-topic";
import Link from "next/link";
import { ItemFilterForm } from "@/components/response-items/item-filters";
import { ItemsTable } from "@/components/response-items/items-table";
import { StatusBoard } from "@/components/response-items/status-board";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { actorCan, requireActor } from "@/lib/auth/session";
import { getFrameworkOverview } from "@/lib/framework/queries";
import { formatDate, todayIn } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { hasItemFilters, itemFiltersQuery, parseItemFilters } from "@/lib/response-items/filters";
import { listOwnerCandidates, listResponseItems } from "@/lib/response-items/queries";
import { isOverdue } from "@/lib/response-items/rules";
import { itemStatuses } from "@/lib/vocab";
import { addProgressUpdateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("items.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResponseItemsPage({ searchParams }: Props) {
  const filters = parseItemFilters(await searchParams);
  const actor = await requireActor(`/response-items${itemFiltersQuery(filters)}`);
  const today = todayIn();
  const [t, locale, items, owners, framework, canEdit] = await Promise.all([
    getT(),
    getLocale(),
    listResponseItems(filters, { actorId: actor.id, today }),
    listOwnerCandidates(),
    getFrameworkOverview({ counts: false }),
    actorCan("responseItems.edit"),
  ]);
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
        {t("items.resultCount", { count: items.length })}
      </p>
      {items.length === 0 ? (
        hasItemFilters(filters) ? (
          <EmptyState title={t("items.noMatch")} hint={t("items.noMatchHint")} />
        ) : (
          <EmptyState title={t("items.empty")}>{canEdit ? <Link href="/response-items/new">{t("items.newItem")}</Link> : null}</EmptyState>
        )
      ) : filters.view === "board" ? (
        <StatusBoard
          columns={itemStatuses.map((status) => ({ status, label: t(`vocab.itemStatus.${status}`) }))}
          cards={items.map((item) => ({
            id: item.id,
            number: item.number,
            version: item.version,
            title: item.title,
            status: item.status,
            ownerName: item.ownerName,
            priorityLabel: t(`vocab.priority.${item.priority}`),
            dueLabel: item.dueOn ? formatDate(item.dueOn, locale) : null,
            overdue: isOverdue(item, today),
            needsReview: item.openImpacts > 0,
          }))}
          labels={{
            unassigned: t("items.unassigned"),
            overdue: t("items.overdue"),
            needsReview: t("items.needsReview"),
            columnEmpty: t("items.columnEmpty"),
            moveOf: t("items.moveOf", { number: "{number}" }),
            move: t("items.move"),
            blockedReasonTitle: t("items.blockedReasonTitle"),
            blockedReasonLabel: t("items.blockedReasonLabel"),
            cancel: t("common.cancel"),
            moveFailed: t("items.moveFailed", { message: "{message}" }),
            moved: t("items.moved", { number: "{number}", status: "{status}" }),
            hint: t("items.boardHint"),
          }}
          move={addProgressUpdateAction}
        />
      ) : (
        <ItemsTable items={items} t={t} locale={locale} today={today} />
      )}
    </div>
  );
}
