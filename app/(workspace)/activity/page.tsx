import type { Metadata } from "next";
import Link from "next/link";
import { LiveTopic } from "@/components/live/live-topic";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { activityEntityTypes, activityFiltersSchema, activityQuery } from "@/lib/activity/filters";
import { activityActionLabel, entityTypeLabel } from "@/lib/activity/labels";
import { listActivity, listActivityPeople } from "@/lib/activity/queries";
import { requireActor } from "@/lib/auth/session";
import { activityHref } from "@/lib/entity-href";
import { formatDateTime, isoDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activity.title") };
}

const th = "px-3 py-2 text-left text-xs font-medium text-slate-500 whitespace-nowrap";
const label = "block text-xs font-medium text-slate-600";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityPage({ searchParams }: Props) {
  const actor = await requireActor("/activity");
  const filters = activityFiltersSchema.parse(await searchParams);
  const [t, locale, { entries, hasNext }, people] = await Promise.all([getT(), getLocale(), listActivity(filters, actor.id), listActivityPeople()]);
  const filtered = Boolean(filters.actor || filters.type || filters.from || filters.to);

  return (
    <div>
      <LiveTopic entityType="*" />
      <PageHeader title={t("activity.title")} intro={t("activity.intro")} />
      {/* A plain GET form: the filters live in the URL, so a filtered view can be shared and bookmarked. */}
      <form method="get" action="/activity" role="search" aria-label={t("activity.filters")} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <div>
          <label htmlFor="filter-actor" className={label}>{t("activity.filterPerson")}</label>
          <select id="filter-actor" name="actor" defaultValue={filters.actor ?? ""} className={`${inputClass} w-auto py-1.5`}>
            <option value="">{t("activity.anyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.active ? p.name : t("activity.inactivePerson", { name: p.name })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-type" className={label}>{t("activity.filterType")}</label>
          <select id="filter-type" name="type" defaultValue={filters.type ?? ""} className={`${inputClass} w-auto py-1.5`}>
            <option value="">{t("activity.anyType")}</option>
            {activityEntityTypes.map((type) => (
              <option key={type} value={type}>{entityTypeLabel(t, type)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-from" className={label}>{t("activity.filterFrom")}</label>
          <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} className={`${inputClass} w-auto py-1.5`} />
        </div>
        <div>
          <label htmlFor="filter-to" className={label}>{t("activity.filterTo")}</label>
          <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} className={`${inputClass} w-auto py-1.5`} />
        </div>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">
          {t("activity.apply")}
        </button>
        {filtered ? <Link href="/activity" className="py-2 text-sm">{t("activity.clear")}</Link> : null}
      </form>

      {entries.length === 0 ? (
        <EmptyState title={filtered ? t("activity.emptyFiltered") : t("activity.empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-labelledby="activity-caption">
          <table className="w-full min-w-[40rem] border-collapse text-sm">
            <caption id="activity-caption" className="sr-only">
              {t("activity.caption")}
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className={th}>{t("activity.when")}</th>
                <th scope="col" className={th}>{t("activity.who")}</th>
                <th scope="col" className={th}>{t("activity.what")}</th>
                <th scope="col" className={th}>{t("activity.target")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((entry) => {
                const href = activityHref(entry);
                return (
                  <tr key={entry.id}>
                    <td className="px-3 py-2 align-top whitespace-nowrap text-slate-600 tabular-nums">
                      <time dateTime={isoDateTime(entry.at)}>{formatDateTime(entry.at, locale)}</time>
                    </td>
                    <td className="px-3 py-2 align-top whitespace-nowrap">{entry.actorName ?? <span className="text-slate-500">{t("activity.system")}</span>}</td>
                    <td className="px-3 py-2 align-top">{activityActionLabel(t, entry.action)}</td>
                    <td className="px-3 py-2 align-top whitespace-nowrap">
                      {href ? <Link href={href}>{entityTypeLabel(t, entry.entityType)}</Link> : entityTypeLabel(t, entry.entityType)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("activity.pages")} className="mt-3 flex items-center gap-4 text-sm">
        {filters.page > 1 ? <Link href={`/activity${activityQuery(filters, { page: filters.page - 1 })}`}>← {t("activity.newer")}</Link> : null}
        {filters.page > 1 || hasNext ? <span className="text-slate-500">{t("activity.pageNumber", { page: filters.page })}</span> : null}
        {hasNext ? <Link href={`/activity${activityQuery(filters, { page: filters.page + 1 })}`}>{t("activity.older")} →</Link> : null}
      </nav>
    </div>
  );
}
