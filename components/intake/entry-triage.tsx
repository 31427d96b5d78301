"use client";

import { type FormEvent, startTransition, useActionState, useState } from "react";
import { fill } from "@/components/i18n/messages-provider";
import { FormAlert, SubmitButton, inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";

/** A triage server action as the page holds it (each has its own input type). */
type TriageAction = (state: never, form: FormData) => Promise<ActionResult<object>>;
type Dispatchable = (state: ActionResult<object> | null, form: FormData) => Promise<ActionResult<object>>;

/**
 * Dismisses the entries whose checkboxes (rendered by the server table with `form={formId}`) are
 * ticked. The reason is kept in state, so a refusal never wipes it.
 */
export function BulkDismissForm({
  formId,
  action,
  labels,
}: {
  formId: string;
  action: TriageAction;
  labels: { reason: string; submit: string; done: string; selectAll: string };
}) {
  const [state, dispatch, pending] = useActionState(action as unknown as Dispatchable, null);
  const [reason, setReason] = useState("");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }
  function selectAll() {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${formId}"][name="ids"]`)) box.checked = true;
  }
  return (
    <form id={formId} onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <button type="button" onClick={selectAll} className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-800 hover:bg-slate-50">
        {labels.selectAll}
      </button>
      <div className="min-w-48 flex-1">
        <label htmlFor={`${formId}-reason`} className="sr-only">{labels.reason}</label>
        <input id={`${formId}-reason`} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={labels.reason} className={`${inputClass} py-1.5 text-sm`} />
      </div>
      <SubmitButton pending={pending} label={labels.submit} tone="danger" size="sm" />
      <div className="w-full" aria-live="polite">
        {state && !state.ok ? <FormAlert tone="error">{state.fieldErrors?.ids?.join(" ") ?? state.formError}</FormAlert> : null}
        {state?.ok ? <FormAlert tone="success">{fill(labels.done, { count: (state as { dismissed?: number }).dismissed ?? 0 })}</FormAlert> : null}
      </div>
    </form>
  );
}

/** One row's button (dismiss, mark duplicate, undo): hidden fields plus a button, and its refusal. */
export function EntryActionButton({
  action,
  fields,
  label,
  tone = "secondary",
}: {
  action: TriageAction;
  fields: Record<string, string>;
  label: string;
  tone?: "secondary" | "danger";
}) {
  const [state, dispatch, pending] = useActionState(action as unknown as Dispatchable, null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }
  return (
    <form onSubmit={submit} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <SubmitButton pending={pending} label={label} tone={tone} size="sm" />
      {state && !state.ok ? <span role="alert" className="text-xs text-red-700">{state.formError}</span> : null}
    </form>
  );
}
