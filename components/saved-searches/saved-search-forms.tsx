"use client";

import Link from "next/link";
import { type ReactNode, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { SavedSearchScope } from "@/lib/vocab";
import { FieldErrors, FormAlert, FormField, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

export type FormAction = (state: ActionResult | null, form: FormData) => Promise<ActionResult>;

export type SaveSearchLabels = {
  summary: string;
  legend: string;
  name: string;
  shared: string;
  sharedHint: string;
  privateOnly: string;
  alert: string;
  alertHint: string;
  save: string;
  saving: string;
  saved: string;
  manageLink: string;
};

/**
 * "Save this search" under a list's filters: the view's query travels as a hidden field (the
 * server keeps it in the screen's canonical form). Folded by default, so it costs the list no room.
 */
export function SaveSearchForm({
  action,
  scope,
  query,
  canShare,
  labels,
}: {
  action: FormAction;
  scope: SavedSearchScope;
  query: string;
  canShare: boolean;
  labels: SaveSearchLabels;
}) {
  const [state, dispatch, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, dispatch);
  const failed = state && !state.ok ? state : null;
  const id = `save-search-${scope}`;
  return (
    <details className="mb-5 rounded-lg border border-slate-200 bg-white" open={failed ? true : undefined}>
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-800">{labels.summary}</summary>
      <form {...kept} className="space-y-3 border-t border-slate-100 p-4" aria-busy={pending || undefined} noValidate>
        <p className="text-sm text-slate-600">{labels.legend}</p>
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="query" value={query} />
        <div className="max-w-md">
          <FormField id={`${id}-name`} label={labels.name} name="name" required maxLength={80} autoComplete="off" errors={failed?.fieldErrors?.name} />
        </div>
        {canShare ? (
          <div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="shared" className="size-4" aria-describedby={`${id}-shared-hint`} />
              {labels.shared}
            </label>
            <p id={`${id}-shared-hint`} className="ml-6 text-xs text-slate-500">{labels.sharedHint}</p>
          </div>
        ) : (
          <p className="text-xs text-slate-500">{labels.privateOnly}</p>
        )}
        {scope === "policies" ? (
          <div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="alert" className="size-4" aria-describedby={`${id}-alert-hint`} />
              {labels.alert}
            </label>
            <p id={`${id}-alert-hint`} className="ml-6 text-xs text-slate-500">{labels.alertHint}</p>
            <FieldErrors errors={failed?.fieldErrors?.alert} />
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pending={pending} label={labels.save} pendingLabel={labels.saving} size="sm" />
          <Link href="/saved-searches" className="text-sm">{labels.manageLink}</Link>
        </div>
        {failed ? <FormAlert tone="error">{failed.formError}</FormAlert> : null}
        {state?.ok ? <FormAlert tone="success">{labels.saved}</FormAlert> : null}
      </form>
    </details>
  );
}

/**
 * One small form on the saved searches screen (rename, alert on/off, delete): the fields and the
 * button come from the server page; this adds the pending state, the refusal beside what was
 * typed, and a confirmation when asked for.
 */
export function SavedSearchControlForm({
  action,
  children,
  className,
  done,
  resetOnSuccess = false,
}: {
  action: FormAction;
  children: ReactNode;
  className?: string;
  done?: string;
  resetOnSuccess?: boolean;
}) {
  const [state, dispatch, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, dispatch, { resetOnSuccess });
  const errors = state && !state.ok ? [state.formError, ...Object.values(state.fieldErrors ?? {}).flat()] : [];
  return (
    <form {...kept} className={className} aria-busy={pending || undefined}>
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      {errors.length ? (
        <div className="basis-full">
          <FormAlert tone="error">{[...new Set(errors)].join(" ")}</FormAlert>
        </div>
      ) : null}
      {state?.ok && done ? (
        <div className="basis-full">
          <FormAlert tone="success">{done}</FormAlert>
        </div>
      ) : null}
    </form>
  );
}
