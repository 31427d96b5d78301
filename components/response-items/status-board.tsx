"use client";

import Link from "next/link";
import { useRef, useState, useTransition, type DragEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { FormAlert, inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import type { ItemStatus } from "@/lib/vocab";
import { fill } from "@/components/i18n/messages-provider";

export type BoardCard = {
  id: string;
  number: number;
  /** The version the card shows: a move made on it is refused if the item changed since. */
  version: number;
  title: string;
  status: ItemStatus;
  ownerName: string | null;
  priorityLabel: string;
  dueLabel: string | null;
  overdue: boolean;
  needsReview: boolean;
};

export type BoardLabels = {
  unassigned: string;
  overdue: string;
  needsReview: string;
  columnEmpty: string;
  moveOf: string;
  move: string;
  blockedReasonTitle: string;
  blockedReasonLabel: string;
  cancel: string;
  moveFailed: string;
  moved: string;
  hint: string;
};

type MoveAction = (input: { id: string; version: number; status: ItemStatus; body: string; acknowledgeImpactIds: string[] }) => Promise<ActionResult>;

/**
 * The board: one column per status. A card moves by drag and drop, or from the keyboard with its
 * status menu and "move" button; moving to blocked first asks why (the reason becomes the update).
 */
export function StatusBoard({
  columns,
  cards,
  labels,
  move,
}: {
  columns: { status: ItemStatus; label: string }[];
  cards: BoardCard[];
  labels: BoardLabels;
  move: MoveAction;
}) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [blocking, setBlocking] = useState<BoardCard | null>(null);
  const [reason, setReason] = useState("");
  const [dropTarget, setDropTarget] = useState<ItemStatus | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const statusLabel = (s: ItemStatus) => columns.find((c) => c.status === s)?.label ?? s;

  function run(card: BoardCard, status: ItemStatus, body = "") {
    startTransition(async () => {
      // A move from the board acknowledges no impact: that takes a written update on the item page.
      const result = await move({ id: card.id, version: card.version, status, body, acknowledgeImpactIds: [] });
      setMessage(
        result.ok
          ? { tone: "success", text: fill(labels.moved, { number: card.number, status: statusLabel(status) }) }
          : { tone: "error", text: fill(labels.moveFailed, { message: result.formError }) },
      );
    });
  }

  function request(card: BoardCard, status: ItemStatus) {
    if (status === card.status) return;
    if (status === "blocked") {
      setBlocking(card);
      setReason("");
      dialog.current?.showModal();
      return;
    }
    run(card, status);
  }

  function onDrop(event: DragEvent, status: ItemStatus) {
    event.preventDefault();
    setDropTarget(null);
    const card = cards.find((c) => c.id === event.dataTransfer.getData("text/x-item-id"));
    if (card) request(card, status);
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{labels.hint}</p>
      <div aria-live="polite">{message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}</div>
      <div className="grid gap-3 md:grid-cols-3 xl:grid-cols-5" aria-busy={pending}>
        {columns.map((column) => {
          const inColumn = cards.filter((c) => c.status === column.status);
          return (
            <section
              key={column.status}
              aria-labelledby={`column-${column.status}`}
              data-status={column.status}
              onDragOver={(e) => {
                e.preventDefault();
                setDropTarget(column.status);
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(e) => onDrop(e, column.status)}
              className={`min-h-40 rounded-lg border bg-slate-50 p-2 ${dropTarget === column.status ? "border-blue-500 ring-2 ring-blue-300" : "border-slate-200"}`}
            >
              <h2 id={`column-${column.status}`} className="mb-2 flex items-center justify-between px-1 text-sm font-semibold">
                {column.label}
                <span className="text-xs font-normal text-slate-500 tabular-nums">{inColumn.length}</span>
              </h2>
              {inColumn.length === 0 ? <p className="px-1 py-4 text-center text-xs text-slate-500">{labels.columnEmpty}</p> : null}
              <ul className="space-y-2">
                {inColumn.map((card) => (
                  <li
                    key={card.id}
                    draggable
                    data-item-id={card.id}
                    data-live-key={`response_item:${card.id}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData("text/x-item-id", card.id);
                      e.dataTransfer.effectAllowed = "move";
                    }}
                    className={`cursor-grab rounded-md border bg-white p-2.5 text-sm shadow-sm ${card.needsReview ? "border-amber-400" : "border-slate-200"}`}
                  >
                    <p className="text-xs text-slate-500 tabular-nums">#{card.number}</p>
                    <Link href={`/response-items/${card.id}`} lang="ko" className="font-medium">
                      {card.title}
                    </Link>
                    <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
                      <span>{card.ownerName ?? labels.unassigned}</span>
                      <Badge>{card.priorityLabel}</Badge>
                      {card.dueLabel ? <span className="tabular-nums">{card.dueLabel}</span> : null}
                      {card.overdue ? <Badge tone="red">{labels.overdue}</Badge> : null}
                      {card.needsReview ? <Badge tone="amber">{labels.needsReview}</Badge> : null}
                    </div>
                    <form
                      className="mt-2 flex items-center gap-1.5"
                      onSubmit={(e) => {
                        e.preventDefault();
                        request(card, new FormData(e.currentTarget).get("status") as ItemStatus);
                      }}
                    >
                      <label htmlFor={`status-${card.id}`} className="sr-only">
                        {fill(labels.moveOf, { number: card.number })}
                      </label>
                      <select id={`status-${card.id}`} name="status" defaultValue={card.status} key={card.status} className={`${inputClass} py-1 text-xs`}>
                        {columns.map((c) => (
                          <option key={c.status} value={c.status}>
                            {c.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50">
                        {labels.move}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <dialog ref={dialog} aria-labelledby="blocked-title" className="m-auto w-[min(28rem,90vw)] rounded-lg p-5 backdrop:bg-slate-900/40" onClose={() => setBlocking(null)}>
        <form
          method="dialog"
          className="space-y-3"
          onSubmit={(e) => {
            if (!blocking || reason.trim() === "") {
              e.preventDefault();
              return;
            }
            run(blocking, "blocked", reason.trim());
          }}
        >
          <h2 id="blocked-title" className="text-base font-semibold">
            {labels.blockedReasonTitle}
            {blocking ? <span className="ml-1 font-normal text-slate-500">#{blocking.number}</span> : null}
          </h2>
          <label htmlFor="blocked-reason" className="block text-sm font-medium">
            {labels.blockedReasonLabel}
          </label>
          <textarea id="blocked-reason" required rows={3} value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} />
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              {labels.cancel}
            </button>
            <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
              {labels.move}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
