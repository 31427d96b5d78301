import Link from "next/link";
import { ItemStatusBadge, NeedsReviewBadge, OverdueBadge, PriorityBadge } from "@/components/response-items/item-badges";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import type { ResponseItemRow } from "@/lib/response-items/queries";
import { isOverdue } from "@/lib/response-items/rules";
import type { Locale } from "@/lib/vocab";


/** The response items as a table (the list view). */
export function ItemsTable({ items, t, locale, today }: { items: ResponseItemRow[]; t: Translate; locale: Locale; today: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-labelledby="items-caption">
      <table className="dt w-full min-w-[52rem] border-collapse text-sm">
        <caption id="items-caption" className="sr-only">
          {t("items.caption")}
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col">{t("items.number")}</th>
            <th scope="col">{t("items.titleColumn")}</th>
            <th scope="col">{t("items.owner")}</th>
            <th scope="col">{t("items.status")}</th>
            <th scope="col">{t("items.priority")}</th>
            <th scope="col">{t("items.dueOn")}</th>
            <th scope="col">{t("items.lastUpdate")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} data-live-key={`response_item:${item.id}`}>
              <td className="text-slate-500 tabular-nums">{t("items.itemNumber", { number: item.number })}</td>
              <td className="min-w-[18rem]">
                <Link href={`/response-items/${item.id}`} lang="ko" className="font-medium">
                  {item.title}
                </Link>
                {item.openImpacts > 0 ? (
                  <span className="ml-2">
                    <NeedsReviewBadge label={t("items.needsReviewCount", { count: item.openImpacts })} />
                  </span>
                ) : null}
              </td>
              <td className="whitespace-nowrap">
                {item.ownerName ?? <span className="text-slate-500">{t("items.unassigned")}</span>}
              </td>
              <td>
                <ItemStatusBadge status={item.status} label={t(`vocab.itemStatus.${item.status}`)} />
              </td>
              <td>
                <PriorityBadge priority={item.priority} label={t(`vocab.priority.${item.priority}`)} />
              </td>
              <td className="whitespace-nowrap tabular-nums">
                {item.dueOn ? (
                  <span className="inline-flex items-center gap-2">
                    <time dateTime={item.dueOn}>{formatDate(item.dueOn, locale)}</time>
                    {isOverdue(item, today) ? <OverdueBadge label={t("items.overdue")} /> : null}
                  </span>
                ) : (
                  <span className="text-slate-500">{t("items.noDue")}</span>
                )}
              </td>
              <td className="whitespace-nowrap text-slate-600 tabular-nums">
                {item.lastUpdateAt ? formatDateTime(item.lastUpdateAt, locale) : <span className="text-slate-500">{t("items.noUpdate")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
