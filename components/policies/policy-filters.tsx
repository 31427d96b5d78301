import Link from "next/link";
import { inputClass } from "@/components/ui/form";
import { GroupedOptions } from "@/components/ui/grouped-options";
import type { IssuingBodyView } from "@/lib/policies/queries";
import type { DimensionOptions } from "@/lib/policies/form-queries";
import { type PolicyFilters, policySorts } from "@/lib/policies/filters";
import type { Translate } from "@/lib/i18n/catalog";
import { briefRelations, instrumentTypes, type Locale, policyStatuses, priorities } from "@/lib/vocab";

const label = "block text-xs font-medium text-slate-600";

/**
 * The screen's search and filters as a plain GET form: submitting it puts every choice in the
 * URL, so a view can be shared and works without JavaScript.
 */
export function PolicyFiltersForm({
  filters,
  dimensions,
  bodies,
  t,
  locale,
  showDeleted,
}: {
  filters: PolicyFilters;
  dimensions: DimensionOptions[];
  bodies: IssuingBodyView[];
  t: Translate;
  locale: Locale;
  showDeleted: boolean;
}) {
  const select = (name: keyof PolicyFilters, text: string, options: { value: string; label: string }[]) => (
    <div className="space-y-1">
      <label htmlFor={`filter-${name}`} className={label}>{text}</label>
      <select id={`filter-${name}`} name={name} defaultValue={String(filters[name] ?? "")} className={`${inputClass} py-1.5`}>
        <option value="">{t("policies.any")}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
  return (
    <form method="get" action="/policies" role="search" className="mb-5 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {filters.view !== "table" ? <input type="hidden" name="view" value={filters.view} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-[16rem] flex-1 space-y-1">
          <label htmlFor="filter-q" className={label}>{t("policies.search")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q} placeholder={t("policies.searchPlaceholder")} aria-describedby="filter-q-hint" className={inputClass} />
          <p id="filter-q-hint" className="text-xs text-slate-500">{t("policies.searchHint")}</p>
        </div>
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">{t("policies.applyFilters")}</button>
        <Link href={filters.view === "timeline" ? "/policies?view=timeline" : "/policies"} className="px-2 py-2 text-sm">{t("policies.clearFilters")}</Link>
      </div>
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <legend className="sr-only">{t("policies.filters")}</legend>
        <div className="space-y-1">
          <label htmlFor="filter-node" className={label}>{t("policies.nodes")}</label>
          <select id="filter-node" name="node" defaultValue={filters.node ?? ""} className={`${inputClass} py-1.5`}>
            <option value="">{t("policies.any")}</option>
            <GroupedOptions groups={dimensions.map((d) => [locale === "en" ? d.nameEn : d.nameKo, d.nodes.map((n) => [n.id, locale === "en" ? n.labelEn : n.labelKo])])} />
          </select>
        </div>
        {select("type", t("policies.instrumentType"), instrumentTypes.map((v) => ({ value: v, label: t(`vocab.instrument.${v}`) })))}
        {select("status", t("policies.status"), policyStatuses.map((v) => ({ value: v, label: t(`vocab.policyStatus.${v}`) })))}
        {select("body", t("policies.issuingBodies"), bodies.map((b) => ({ value: b.id, label: locale === "en" && b.nameEn ? b.nameEn : b.nameKo || b.nameZh })))}
        {select("relation", t("policies.relation"), briefRelations.map((v) => ({ value: v, label: t(`vocab.relation.${v}`) })))}
        {select("significance", t("policies.significance"), priorities.map((v) => ({ value: v, label: t(`vocab.priority.${v}`) })))}
        <div className="space-y-1">
          <label htmlFor="filter-from" className={label}>{t("policies.dateFrom")}</label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className={`${inputClass} py-1.5`} />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-to" className={label}>{t("policies.dateTo")}</label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className={`${inputClass} py-1.5`} />
        </div>
        {filters.view === "table" ? (
          <div className="space-y-1">
            <label htmlFor="filter-sort" className={label}>{t("policies.sort")}</label>
            <select id="filter-sort" name="sort" defaultValue={filters.sort} className={`${inputClass} py-1.5`}>
              {policySorts.map((s) => <option key={s} value={s}>{t(`policies.sort.${s}`)}</option>)}
            </select>
          </div>
        ) : null}
        {showDeleted ? (
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="deleted" value="1" defaultChecked={filters.deleted} />
            {t("policies.showDeleted")}
          </label>
        ) : null}
      </fieldset>
    </form>
  );
}
