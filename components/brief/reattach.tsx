"use client";

import { createContext, useActionState, useContext } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";
import { quotePreview } from "./quote-preview";

/**
 * Re-attaching an orphan: its card's button puts the reader in a mode where the next passage
 * selected in the text (as for a new annotation) is offered as the annotation's new place; the
 * bar above the text confirms or cancels (Escape). The annotator owns the mode.
 */

export type ReattachTarget = { id: string; version: number; quote: string };
type ReattachResult = ActionResult<{ version: number }>;
export type ReattachAction = (state: ReattachResult | null, form: FormData) => Promise<ReattachResult>;

export type ReattachLabels = {
  reattach: string;
  title: string;
  instructions: string;
  original: string;
  here: string;
  chosen: string;
  nothingChosen: string;
  confirm: string;
  saving: string;
  cancel: string;
};

type Mode = { begin: (target: ReattachTarget, trigger: HTMLElement) => void; activeId: string | null; label: string };
/** Provided by the annotator around the margin; absent on read-only readers. */
export const ReattachMode = createContext<Mode | null>(null);

/** "Re-attach" on an orphan's card (its author's only: the server allows no one else). */
export function ReattachButton({ annotation }: { annotation: ReattachTarget }) {
  const mode = useContext(ReattachMode);
  if (!mode) return null;
  return (
    <button
      type="button"
      aria-pressed={mode.activeId === annotation.id}
      onClick={(event) => mode.begin(annotation, event.currentTarget)}
      className="rounded-md border border-blue-300 bg-white px-2.5 py-1 text-xs font-medium text-blue-800 hover:bg-blue-50 aria-pressed:bg-blue-100"
    >
      {mode.label}
      {/* The visible name first, then which note: the cards' buttons are told apart by ear too. */}
      <span className="sr-only">: {Array.from(annotation.quote).slice(0, 40).join("")}</span>
    </button>
  );
}

/** The bar's form: the annotator moves focus to its confirm button once a passage is chosen. */
export const REATTACH_FORM = "reattach-form";

const refuse: ReattachAction = async (state) => state ?? { ok: false, status: 403, code: "forbidden", formError: "" };

/** The bar over the text while re-attaching: the old quote, the chosen passage, confirm and cancel. */
export function ReattachBar({
  target,
  chosen,
  plainText,
  revisionId,
  action,
  labels,
  onCancel,
  onDone,
}: {
  target: ReattachTarget;
  chosen: { start: number; end: number } | null;
  plainText: string;
  revisionId: string;
  action?: ReattachAction;
  labels: ReattachLabels;
  onCancel: () => void;
  onDone: (annotationId: string) => void;
}) {
  const [state, formAction, pending] = useActionState(
    useSurvivingAction(async (previous: ReattachResult | null, form: FormData) => {
      const result = await (action ?? refuse)(previous, form);
      if (result.ok) onDone(String(form.get("annotationId")));
      return result;
    }),
    null,
  );
  const kept = useKeptForm(state, formAction, { resetOnSuccess: false });
  const errors = state && !state.ok ? [state.formError, ...Object.values(state.fieldErrors ?? {}).flat()] : [];
  return (
    <div role="region" aria-label={labels.title} className="sticky top-0 z-20 -mx-5 -mt-6 mb-4 space-y-2 rounded-t-lg border-b border-blue-200 bg-blue-50 px-5 py-3 text-sm sm:-mx-8 sm:px-8">
      <h2 className="font-semibold">{labels.title}</h2>
      <p id="reattach-instructions" className="text-slate-700">
        {labels.instructions}
      </p>
      <p className="text-slate-700">
        <span className="font-medium">{labels.original}: </span>
        <q lang="ko" className="line-through decoration-slate-400">{target.quote}</q>
      </p>
      <form id={REATTACH_FORM} {...kept} className="space-y-2">
        <input type="hidden" name="annotationId" value={target.id} />
        <input type="hidden" name="version" value={target.version} />
        <input type="hidden" name="revisionId" value={revisionId} />
        <input type="hidden" name="start" value={chosen?.start ?? ""} />
        <input type="hidden" name="end" value={chosen?.end ?? ""} />
        <p role="status" className="text-slate-700">
          {chosen ? (
            <>
              <span className="font-medium">{labels.chosen}: </span>
              <q lang="ko" className="bg-amber-100">{quotePreview(plainText.slice(chosen.start, chosen.end), 160)}</q>
            </>
          ) : (
            labels.nothingChosen
          )}
        </p>
        {errors.length ? <FormAlert tone="error">{errors.join(" ")}</FormAlert> : null}
        <div className="flex gap-2">
          {chosen ? <SubmitButton pending={pending} label={labels.confirm} pendingLabel={labels.saving} size="sm" /> : null}
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs">
            {labels.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}
