import type { Metadata } from "next";
import Link from "next/link";
import { ItemStatusBadge, OverdueBadge, PriorityBadge } from "@/components/response-items/item-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { formatDate, todayIn } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listResponseItems } from "@/lib/response-items/queries";
import { isOverdue } from "@/lib/response-items/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("items.title") };
}

const th = "px-3 py-2 text-left text-xs font-medium text-slate-500 whitespace-nowrap";
const td = "px-3 py-2.5 align-top";

export default async function ResponseItemsPage() {
  await requireActor("/response-items");
  const [t, locale, items] = await Promise.all([getT(), getLocale(), listResponseItems()]);
  const today = todayIn();

  return (
    <div>
      <PageHeader title={t("items.title")} intro={t("items.intro")} />
      {items.length === 0 ? (
        <EmptyState title={t("items.empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-labelledby="items-caption">
          <table className="w-full min-w-[44rem] border-collapse text-sm">
            <caption id="items-caption" className="sr-only">
              {t("items.caption")}
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className={th}>{t("items.number")}</th>
                <th scope="col" className={th}>{t("items.titleColumn")}</th>
                <th scope="col" className={th}>{t("items.owner")}</th>
                <th scope="col" className={th}>{t("items.status")}</th>
                <th scope="col" className={th}>{t("items.priority")}</th>
                <th scope="col" className={th}>{t("items.dueOn")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item) => (
                <tr key={item.id} className="hover:bg-slate-50">
                  <td className={`${td} text-slate-500 tabular-nums`}>{t("items.itemNumber", { number: item.number })}</td>
                  <td className={`${td} min-w-[18rem] font-medium`}>
                    <Link href={`/response-items/${item.id}`} lang="ko">
                      {item.title}
                    </Link>
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    {item.ownerName ?? <span className="text-slate-500">{t("items.unassigned")}</span>}
                  </td>
                  <td className={td}>
                    <ItemStatusBadge status={item.status} label={t(`vocab.itemStatus.${item.status}`)} />
                  </td>
                  <td className={td}>
                    <PriorityBadge priority={item.priority} label={t(`vocab.priority.${item.priority}`)} />
                  </td>
                  <td className={`${td} whitespace-nowrap tabular-nums`}>
                    {item.dueOn ? (
                      <span className="inline-flex items-center gap-2">
                        <time dateTime={item.dueOn}>{formatDate(item.dueOn, locale)}</time>
                        {isOverdue(item, today) ? <OverdueBadge label={t("items.overdue")} /> : null}
                      </span>
                    ) : (
                      <span className="text-slate-400">{t("items.noDue")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
