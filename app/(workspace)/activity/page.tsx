import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { activityActionLabel, entityTypeLabel } from "@/lib/activity/labels";
import { listRecentActivity } from "@/lib/activity/queries";
import { requireActor } from "@/lib/auth/session";
import { entityHref } from "@/lib/entity-href";
import { formatDateTime, isoDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activity.title") };
}

const th = "px-3 py-2 text-left text-xs font-medium text-slate-500 whitespace-nowrap";

export default async function ActivityPage() {
  await requireActor("/activity");
  const [t, locale, entries] = await Promise.all([getT(), getLocale(), listRecentActivity({ limit: 100 })]);

  return (
    <div>
      <PageHeader title={t("activity.title")} intro={t("activity.intro")} />
      {entries.length === 0 ? (
        <EmptyState title={t("activity.empty")} />
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
                const href = entityHref(entry.entityType, entry.entityId);
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
    </div>
  );
}
