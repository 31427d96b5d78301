import Link from "next/link";
import { NodeChips } from "@/components/framework/node-chips";
import { formatDate } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import type { PolicyListRow } from "@/lib/policies/filtered-list";
import type { DimensionOptions } from "@/lib/policies/form-queries";
import type { Locale } from "@/lib/vocab";

/**
 * Policies by announcement date, one lane per framework dimension: a policy appears in every
 * dimension it has a node in (with those nodes as chips), grouped by year.
 */
export function PolicyTimeline({ rows, dimensions, t, locale }: { rows: PolicyListRow[]; dimensions: DimensionOptions[]; t: Translate; locale: Locale }) {
  const lanes = dimensions.map((d) => {
    const nodeIds = new Set(d.nodes.map((n) => n.id));
    return {
      dimension: d,
      items: rows
        .map((row) => ({ row, nodes: row.nodes.filter((n) => nodeIds.has(n.id)) }))
        .filter((entry) => entry.nodes.length > 0),
    };
  });
  const untagged = rows.filter((r) => r.nodes.length === 0);
  return (
    <div className="space-y-5">
      {lanes.map(({ dimension, items }) => {
        const name = locale === "en" ? dimension.nameEn : dimension.nameKo;
        return (
          <Lane key={dimension.id} id={`timeline-${dimension.key}`} title={name} empty={t("policies.timelineNoPolicies")} items={items} t={t} locale={locale} />
        );
      })}
      {untagged.length ? (
        <Lane id="timeline-untagged" title={t("policies.timelineUntagged")} empty="" items={untagged.map((row) => ({ row, nodes: [] }))} t={t} locale={locale} />
      ) : null}
    </div>
  );
}

function Lane({
  id,
  title,
  empty,
  items,
  t,
  locale,
}: {
  id: string;
  title: string;
  empty: string;
  items: { row: PolicyListRow; nodes: PolicyListRow["nodes"] }[];
  t: Translate;
  locale: Locale;
}) {
  const years = new Map<string, typeof items>();
  for (const item of items) {
    const year = item.row.announcedOn?.slice(0, 4) ?? t("policies.timelineUndated");
    years.set(year, [...(years.get(year) ?? []), item]);
  }
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white">
      <h2 id={id} className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">{empty}</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {[...years].map(([year, entries]) => (
            <li key={year} className="flex flex-col gap-2 px-4 py-3 sm:flex-row">
              <span className="w-24 shrink-0 font-semibold tabular-nums text-slate-700">{year}</span>
              <ol className="flex-1 space-y-2 border-l-2 border-blue-200 pl-4">
                {entries.map(({ row, nodes }) => (
                  <li key={row.id} data-live-key={`policy:${row.id}`} className="space-y-1">
                    <div className="flex flex-wrap items-baseline gap-x-2">
                      {row.announcedOn ? (
                        <time dateTime={row.announcedOn} className="text-xs tabular-nums text-slate-500">
                          {formatDate(row.announcedOn, locale, { precision: row.announcedPrecision })}
                        </time>
                      ) : null}
                      <Link href={`/policies/${row.id}`} lang="ko" className="font-medium">{row.titleKo}</Link>
                    </div>
                    <NodeChips nodes={nodes} locale={locale} />
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
