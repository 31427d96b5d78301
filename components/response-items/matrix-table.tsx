import Link from "next/link";
import type { Translate } from "@/lib/i18n/catalog";
import { type FrameworkMatrix, cellKey } from "@/lib/response-items/matrix";
import type { ItemStatus, Locale } from "@/lib/vocab";

const statusCell: Record<ItemStatus, string> = {
  not_started: "bg-slate-200",
  in_progress: "bg-blue-200",
  blocked: "bg-red-200",
  done: "bg-emerald-200",
  dropped: "bg-slate-100 text-slate-500",
};

/** The nodes × items grid: coverage, coloured by the item's status, with policy counts linking to `?cell=`. */
export function MatrixTable({ matrix, t, locale, selected }: { matrix: FrameworkMatrix; t: Translate; locale: Locale; selected: string | null }) {
  const { dimensions, items, covers, policyCounts } = matrix;
  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-label={t("matrix.title")}>
      <table className="border-collapse text-xs">
        <thead className="sticky top-0 z-10 bg-slate-50">
          <tr>
            <th scope="col" className="sticky left-0 z-20 min-w-56 bg-slate-50 px-3 py-2 text-left font-medium text-slate-500">
              {t("matrix.node")}
            </th>
            {items.map((item) => (
              <th key={item.id} scope="col" className="min-w-12 px-1 py-2 text-center font-medium" title={item.title}>
                <Link href={`/response-items/${item.id}`} className="tabular-nums">
                  #{item.number}
                </Link>
                <span className="sr-only"> {item.title}</span>
                <span className={`mx-auto mt-1 block h-1.5 w-6 rounded ${statusCell[item.status]}`} title={t(`vocab.itemStatus.${item.status}`)} />
              </th>
            ))}
          </tr>
        </thead>
        {dimensions.map((dim) => (
          <tbody key={dim.id} className="border-t border-slate-200">
            <tr>
              <th scope="rowgroup" colSpan={items.length + 1} className="sticky left-0 bg-white px-3 pt-3 pb-1 text-left text-sm font-semibold">
                {locale === "en" ? dim.nameEn : dim.nameKo}
              </th>
            </tr>
            {dim.nodes.map((node) => {
              const label = locale === "en" ? node.labelEn : node.labelKo;
              return (
                <tr key={node.id} className="border-t border-slate-100">
                  <th scope="row" className="sticky left-0 bg-white px-3 py-1.5 text-left font-normal text-slate-800">
                    {label}
                  </th>
                  {items.map((item) => {
                    const key = cellKey(item.id, node.id);
                    const covered = covers.has(key);
                    const count = policyCounts.get(key) ?? 0;
                    const review = covered && item.needsReview;
                    const cls = `${covered ? statusCell[item.status] : ""} ${review ? "ring-2 ring-amber-500 ring-inset" : ""} ${selected === key ? "outline-2 outline-blue-700" : ""}`;
                    return (
                      <td key={item.id} data-cell={key} data-covered={covered || undefined} data-review={review || undefined} className={`h-8 min-w-12 border-l border-slate-100 text-center tabular-nums ${cls}`}>
                        {count > 0 ? (
                          <Link href={`/framework/matrix?cell=${key}#cell`} className="block font-semibold" title={t("matrix.policyCount", { count })}>
                            {count}
                            <span className="sr-only"> {t("matrix.cellLabel", { number: item.number, node: label, state: covered ? t("matrix.covered") : t("matrix.notCovered") })}</span>
                          </Link>
                        ) : covered ? (
                          <span title={t("matrix.covered")}>
                            ●<span className="sr-only">{t("matrix.covered")}</span>
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
