import Link from "next/link";
import { inputClass } from "@/components/ui/form";
import { GroupedOptions } from "@/components/ui/grouped-options";
import type { Translate } from "@/lib/i18n/catalog";
import { type ItemFilters, hasItemFilters, itemFiltersQuery } from "@/lib/response-items/filters";
import type { OwnerOption } from "@/lib/response-items/queries";
import { itemStatuses, priorities } from "@/lib/vocab";

type NodeOption = { id: string; label: string; group: string };

/** The list/board filters as a plain GET form: every choice lands in the URL. */
export function ItemFilterForm({ filters, owners, nodes, t }: { filters: ItemFilters; owners: OwnerOption[]; nodes: NodeOption[]; t: Translate }) {
  const groups = [...new Set(nodes.map((n) => n.group))];
  const select = `${inputClass} py-1.5`;
  return (
    <form method="get" action="/response-items" aria-label={t("items.filters")} className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
      {filters.view === "board" ? <input type="hidden" name="view" value="board" /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-700">{t("items.filterOwner")}</span>
          <select name="owner" defaultValue={filters.owner ?? ""} className={select}>
            <option value="">{t("items.filterAnyOwner")}</option>
            <option value="none">{t("items.filterUnowned")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-700">{t("items.status")}</span>
          <select name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">{t("items.filterAny")}</option>
            {itemStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`vocab.itemStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-700">{t("items.priority")}</span>
          <select name="priority" defaultValue={filters.priority ?? ""} className={select}>
            <option value="">{t("items.filterAny")}</option>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {t(`vocab.priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-700">{t("items.filterNode")}</span>
          <select name="node" defaultValue={filters.node ?? ""} className={select}>
            <option value="">{t("items.filterAny")}</option>
            <GroupedOptions groups={groups.map((g) => [g, nodes.filter((n) => n.group === g).map((n) => [n.id, n.label])])} />
          </select>
        </label>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        {(
          [
            ["mine", filters.mine, "items.filterMine"],
            ["overdue", filters.overdue, "items.filterOverdue"],
            ["review", filters.needsReview, "items.filterNeedsReview"],
          ] as const
        ).map(([name, checked, label]) => (
          <label key={name} className="inline-flex items-center gap-2">
            <input type="checkbox" name={name} value="1" defaultChecked={checked} className="size-4" />
            {t(label)}
          </label>
        ))}
        <label className="inline-flex items-center gap-2">
          <span className="font-medium whitespace-nowrap text-slate-700">{t("items.sort")}</span>
          <select name="sort" defaultValue={filters.sort} className={`${select} w-auto`}>
            <option value="number">{t("items.sortNumber")}</option>
            <option value="due">{t("items.sortDue")}</option>
            <option value="priority">{t("items.sortPriority")}</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800">
          {t("items.applyFilters")}
        </button>
        {hasItemFilters(filters) ? (
          <Link href={`/response-items${itemFiltersQuery(filters, { owner: null, mine: false, status: null, priority: null, node: null, overdue: false, needsReview: false })}`}>
            {t("items.clearFilters")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
