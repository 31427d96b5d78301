"use client";

import { type DragEvent, type MouseEvent, type ReactNode, useRef, useState, useTransition } from "react";
import { fill } from "@/components/i18n/messages-provider";
import { FormAlert, inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import type { ItemStatus } from "@/lib/vocab";

export type MoveAction = (input: { id: string; version: number; status: ItemStatus; body: string; acknowledgeImpactIds: string[] }) => Promise<ActionResult>;

type Card = { id: string; number: number; version: number; status: ItemStatus };

export type BoardControllerLabels = {
  moveTitle: string;
  status: string;
  move: string;
  blockedReasonLabel: string;
  cancel: string;
  moveFailed: string;
  moved: string;
  hint: string;
};

/** A card is `li[data-live-key="response_item:<id>"]`. */
const CARD_KEY = "response_item:";

/** The card an event happened in, read from its data attributes (the cards are server markup). */
function cardOf(target: EventTarget | null): Card | null {
  const li = target instanceof Element ? target.closest<HTMLElement>(`li[data-live-key^="${CARD_KEY}"]`) : null;
  if (!li) return null;
  const { liveKey, number, version } = li.dataset;
  const status = li.closest<HTMLElement>("section[data-status]")?.dataset.status as ItemStatus;
  return { id: liveKey!.slice(CARD_KEY.length), number: Number(number), version: Number(version), status };
}

const columnOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>("section[data-status]") : null);

/**
 * What the board does, around columns rendered on the server: a card moves by drag and drop, or
 * from the keyboard with its "move" button, which opens one dialog (status, and why when it is
 * "blocked"). Listeners sit on the board, not on each card, so no card's data travels as props.
 */
export function BoardController({ columns, labels, move, children }: { columns: { status: ItemStatus; label: string }[]; labels: BoardControllerLabels; move: MoveAction; children: ReactNode }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [moving, setMoving] = useState<Card | null>(null);
  const [target, setTarget] = useState<ItemStatus>("not_started");
  const [reason, setReason] = useState("");
  const dialog = useRef<HTMLDialogElement>(null);
  const statusLabel = (s: ItemStatus) => columns.find((c) => c.status === s)?.label ?? s;

  function run(card: Card, status: ItemStatus, body = "") {
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

  function openDialog(card: Card, status: ItemStatus) {
    setMoving(card);
    setTarget(status);
    setReason("");
    dialog.current?.showModal();
  }

  function onDrop(event: DragEvent) {
    const column = columnOf(event.target);
    column?.removeAttribute("data-drop");
    const id = event.dataTransfer.getData("text/x-item-id");
    const li = id ? document.querySelector(`li[data-live-key="${CSS.escape(CARD_KEY + id)}"]`) : null;
    const card = cardOf(li);
    if (!column || !card) return;
    event.preventDefault();
    const status = column.dataset.status as ItemStatus;
    if (status === card.status) return;
    // Moving to blocked first asks why (the reason becomes the update).
    if (status === "blocked") openDialog(card, status);
    else run(card, status);
  }

  function onClick(event: MouseEvent) {
    if (!(event.target instanceof Element) || !event.target.closest("[data-move]")) return;
    const card = cardOf(event.target);
    if (card) openDialog(card, card.status);
  }

  const needsReason = target === "blocked";
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{labels.hint}</p>
      <div aria-live="polite">{message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}</div>
      <div
        className="grid gap-3 md:grid-cols-3 xl:grid-cols-5"
        aria-busy={pending}
        onClick={onClick}
        onDragStart={(e) => {
          const card = cardOf(e.target);
          if (!card) return;
          e.dataTransfer.setData("text/x-item-id", card.id);
          e.dataTransfer.effectAllowed = "move";
        }}
        onDragOver={(e) => {
          const column = columnOf(e.target);
          if (!column) return;
          e.preventDefault();
          column.setAttribute("data-drop", "");
        }}
        onDragLeave={(e) => columnOf(e.target)?.removeAttribute("data-drop")}
        onDrop={onDrop}
      >
        {children}
      </div>
      <dialog ref={dialog} aria-labelledby="move-title" className="m-auto w-[min(28rem,90vw)] rounded-lg p-5 backdrop:bg-slate-900/40" onClose={() => setMoving(null)}>
        <form
          method="dialog"
          className="space-y-3"
          onSubmit={(e) => {
            if (!moving || target === moving.status || (needsReason && reason.trim() === "")) {
              e.preventDefault();
              return;
            }
            run(moving, target, needsReason ? reason.trim() : "");
          }}
        >
          <h2 id="move-title" className="text-base font-semibold">
            {moving ? fill(labels.moveTitle, { number: moving.number }) : labels.move}
          </h2>
          <label htmlFor="move-status" className="block text-sm font-medium">
            {labels.status}
          </label>
          <select id="move-status" value={target} onChange={(e) => setTarget(e.target.value as ItemStatus)} className={inputClass}>
            {columns.map((c) => (
              <option key={c.status} value={c.status}>
                {c.label}
              </option>
            ))}
          </select>
          {needsReason ? (
            <>
              <label htmlFor="blocked-reason" className="block text-sm font-medium">
                {labels.blockedReasonLabel}
              </label>
              <textarea id="blocked-reason" required rows={3} value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} />
            </>
          ) : null}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              {labels.cancel}
            </button>
            <button type="submit" disabled={pending || !moving || target === moving.status} className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
              {labels.move}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
