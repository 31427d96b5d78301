import Link from "next/link";
import type { ReactElement, ReactNode } from "react";
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

/**
 * A row's cells: `cell(item)` for each item, where null (nothing to show) runs merge into one
 * empty `<td colSpan>`. A row of a large matrix is mostly empty; merged, it is a handful of
 * elements instead of one per item (the column lines are drawn by `.matrix td[colspan]`).
 */
function rowCells<T>(items: T[], cell: (item: T, key: number) => ReactElement | null): ReactNode[] {
  const out: ReactNode[] = [];
  let empty = 0;
  const flush = (at: number) => {
    if (empty > 0) out.push(<td key={`e${at}`} colSpan={empty > 1 ? empty : undefined} />);
    empty = 0;
  };
  items.forEach((item, i) => {
    const element = cell(item, i);
    if (!element) return void empty++;
    flush(i);
    out.push(element);
  });
  flush(items.length);
  return out;
}

/**
 * The nodes × items grid: coverage, coloured by the item's status, with policy counts linking to
 * `cellHref`.
 */
export function MatrixTable({
  matrix,
  t,
  locale,
  selected,
  cellHref,
}: {
  matrix: FrameworkMatrix;
  t: Translate;
  locale: Locale;
  selected: string | null;
  cellHref: (key: string) => string;
}) {
  const { dimensions, items, covers, policyCounts } = matrix;
  const coveredLabel = t("matrix.covered");
  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-label={t("matrix.title")}>
      <table className="matrix border-collapse text-xs">
        <thead className="sticky top-0 z-10 bg-slate-50">
          <tr>
            <th scope="col" className="sticky left-0 z-20 min-w-56 bg-slate-50 px-3 py-2 text-left font-medium text-slate-500">
              {t("matrix.node")}
            </th>
            {items.map((item) => (
              <th key={item.id} scope="col" className="w-12 min-w-12 px-1 py-2 text-center font-medium" title={item.title}>
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
                <tr key={node.id}>
                  <th scope="row">{label}</th>
                  {rowCells(items, (item, i) => {
                    const key = cellKey(item.id, node.id);
                    const covered = covers.has(key);
                    const count = policyCounts.get(key) ?? 0;
                    if (!covered && count === 0) return null;
                    // Only the attributes a cell has (see .matrix in globals.css): hundreds of cells.
                    const marks = {
                      ...(covered ? { "data-covered": true, className: statusCell[item.status] } : {}),
                      ...(covered && item.needsReview ? { "data-review": true } : {}),
                      ...(selected === key ? { "data-selected": true } : {}),
                    };
                    // `data-cell` names the item (the row names the node); a covered cell's dot is drawn by CSS.
                    return (
                      <td key={i} data-cell={item.id} {...marks}>
                        {count > 0 ? (
                          <Link href={cellHref(key)} title={t("matrix.policyCount", { count })}>
                            {count}
                            <span className="sr-only"> {t("matrix.cellLabel", { number: item.number, node: label, state: covered ? t("matrix.covered") : t("matrix.notCovered") })}</span>
                          </Link>
                        ) : (
                          <span className="sr-only">{coveredLabel}</span>
                        )}
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
