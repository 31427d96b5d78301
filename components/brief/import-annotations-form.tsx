"use client";

import { type FormEvent, startTransition, useActionState, useState } from "react";
import { fill } from "@/components/i18n/messages-provider";
import { FormAlert, inputClass } from "@/components/ui/form";
import { useSurvivingAction } from "@/components/ui/kept-form";
import type { ActionResult } from "@/lib/actions/result";
import type { W3CImportReport } from "@/lib/annotations/import-w3c";

type ImportAction = (state: ActionResult<{ report: W3CImportReport }> | null, input: FormData) => Promise<ActionResult<{ report: W3CImportReport }>>;

export type ImportAnnotationsLabels = {
  file: string;
  submit: string;
  working: string;
  noFile: string;
  /** With {count}. */
  placed: string;
  /** With {count}. */
  orphaned: string;
  /** With {count}. */
  skipped: string;
  back: string;
};

/** Sends a W3C Web Annotation file; says how many were placed, which could not be, and what was skipped. */
export function ImportAnnotationsForm({ briefId, action, labels }: { briefId: string; action: ImportAction; labels: ImportAnnotationsLabels }) {
  const [state, dispatch, pending] = useActionState(useSurvivingAction(action), null);
  const [error, setError] = useState("");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setError(labels.noFile);
    setError("");
    const data = new FormData();
    data.set("briefId", briefId);
    data.set("file", file);
    startTransition(() => dispatch(data));
  }
  const report = state?.ok ? state.report : null;
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="space-y-1">
          <label htmlFor="w3c-file" className="block text-sm font-medium text-slate-800">{labels.file}</label>
          <input id="w3c-file" name="file" type="file" accept=".json,.jsonld,application/json,application/ld+json" className={inputClass} />
        </div>
        <div className="flex items-center gap-2">
          <button type="submit" disabled={pending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            {labels.submit}
          </button>
          {pending ? <span role="status" className="text-sm text-slate-600">{labels.working}</span> : null}
        </div>
        {error ? <FormAlert tone="error">{error}</FormAlert> : null}
        {state && !state.ok ? <FormAlert tone="error">{state.fieldErrors?.file?.[0] ?? state.formError}</FormAlert> : null}
      </form>
      {report ? (
        <section aria-live="polite" className="space-y-2 text-sm" data-testid="w3c-import-report">
          <FormAlert tone="success">{fill(labels.placed, { count: report.placed })}</FormAlert>
          {report.orphaned.length ? (
            <div>
              <p className="font-medium text-amber-900">{fill(labels.orphaned, { count: report.orphaned.length })}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {report.orphaned.map((o, i) => (
                  <li key={i} lang="ko">“{o.quote}”</li>
                ))}
              </ul>
            </div>
          ) : null}
          {report.skipped ? <p className="text-slate-600">{fill(labels.skipped, { count: report.skipped })}</p> : null}
          <p><a href="/brief">{labels.back} →</a></p>
        </section>
      ) : null}
    </div>
  );
}
