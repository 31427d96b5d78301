import Link from "next/link";
import type { Translate } from "@/lib/i18n/catalog";
import type { ResponseItemRow } from "@/lib/response-items/queries";
import { isOverdue } from "@/lib/response-items/rules";
import { type ItemStatus, itemStatuses } from "@/lib/vocab";
import { BoardController, type MoveAction } from "./board-controller";

/** Cards a column shows at first, and how many more each "show more" adds. */
export const BOARD_COLUMN_STEP = 10;

/**
 * The board: one column per status, each showing its first `shown` cards (the rest one "show more"
 * away, so the page never grows with the number of items). Rendered on the server; the cards are
 * plain markup carrying their id (in `data-live-key`, which live updates mark), number and version
 * (their column says the status), and one client controller around
 * them handles drag and drop and the "move" dialog for the keyboard.
 */
export function StatusBoard({
  items,
  counts,
  shown,
  moreHref,
  today,
  dueLabel,
  move,
  t,
}: {
  /** The cards on screen: each column's first `shown`. */
  items: ResponseItemRow[];
  /** How many items each column holds in all. */
  counts: Record<ItemStatus, number>;
  shown: number;
  moreHref: string;
  today: string;
  dueLabel: (dueOn: string) => string;
  move: MoveAction;
  t: Translate;
}) {
  const columns = itemStatuses.map((status) => ({ status, label: t(`vocab.itemStatus.${status}`) }));
  const byStatus = new Map<ItemStatus, ResponseItemRow[]>(itemStatuses.map((s) => [s, []]));
  for (const item of items) byStatus.get(item.status)!.push(item);
  return (
    <BoardController
      move={move}
      columns={columns}
      labels={{
        moveTitle: t("items.moveTitle", { number: "{number}" }),
        status: t("items.status"),
        move: t("items.move"),
        blockedReasonLabel: t("items.blockedReasonLabel"),
        cancel: t("common.cancel"),
        moveFailed: t("items.moveFailed", { message: "{message}" }),
        moved: t("items.moved", { number: "{number}", status: "{status}" }),
        hint: t("items.boardHint"),
      }}
    >
      {columns.map((column) => {
        const inColumn = byStatus.get(column.status)!;
        return (
          <section key={column.status} aria-labelledby={`column-${column.status}`} data-status={column.status} className="board-column min-h-40 rounded-lg border border-slate-200 bg-slate-50 p-2">
            <h2 id={`column-${column.status}`} className="mb-2 flex items-center justify-between px-1 text-sm font-semibold">
              {column.label}
              <span className="text-xs font-normal text-slate-500 tabular-nums">{counts[column.status]}</span>
            </h2>
            {counts[column.status] === 0 ? <p className="px-1 py-4 text-center text-xs text-slate-500">{t("items.columnEmpty")}</p> : null}
            <ul className="space-y-2">
              {inColumn.map((item) => (
                <li
                  key={item.id}
                  draggable
                  data-number={item.number}
                  data-version={item.version}
                  data-live-key={`response_item:${item.id}`}
                  {...(item.openImpacts > 0 ? { "data-review": "" } : {})}
                  className="board-card"
                >
                  <span className="board-num">#{item.number}</span>
                  <Link href={`/response-items/${item.id}`} lang="ko" className="font-medium">
                    {item.title}
                  </Link>
                  <div className="board-meta">
                    <span>{item.ownerName ?? t("items.unassigned")}</span>
                    <span className="tb tb-slate">{t(`vocab.priority.${item.priority}`)}</span>
                    {item.dueOn ? <span className="tabular-nums">{dueLabel(item.dueOn)}</span> : null}
                    {isOverdue(item, today) ? <span className="tb tb-red">{t("items.overdue")}</span> : null}
                    {item.openImpacts > 0 ? <span className="tb tb-amber">{t("items.needsReview")}</span> : null}
                  </div>
                  <button type="button" data-move className="board-move" aria-label={t("items.moveTitle", { number: item.number })}>
                    {t("items.move")}
                  </button>
                </li>
              ))}
            </ul>
            {counts[column.status] > shown ? (
              <p className="mt-2 px-1 text-xs">
                <Link href={moreHref} scroll={false}>
                  {t("items.showMoreCards", { count: Math.min(BOARD_COLUMN_STEP, counts[column.status] - shown), total: counts[column.status] })}
                </Link>
              </p>
            ) : null}
          </section>
        );
      })}
    </BoardController>
  );
}
