"use client";

import Link from "next/link";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { fill } from "@/components/i18n/messages-provider";
import { FormAlert, inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import type { ImportReport } from "@/lib/policies/import-policies";

type ImportAction = (state: ActionResult<{ report: ImportReport }> | null, input: FormData) => Promise<ActionResult<{ report: ImportReport }>>;

export type ImportLabels = {
  file: string;
  dryRun: string;
  commit: string;
  working: string;
  noFile: string;
  toCreate: string;
  duplicates: string;
  invalid: string;
  blocked: string;
  /** With {rows} {create} {duplicates} {invalid}. */
  summary: string;
  /** With {count}. */
  done: string;
  /** With {line}. */
  line: string;
  /** With {encoding}. */
  encoding: string;
  newBodies: string;
  /** With {line}. */
  duplicateOfLine: string;
};


/** Sends a CSV file for a dry run or the real import; the report names its encoding and what would be created. */
export function ImportForm({ action, labels }: { action: ImportAction; labels: ImportLabels }) {
  const [state, dispatch, pending] = useActionState(action, null);
  const [error, setError] = useState("");
  const [lastDryRun, setLastDryRun] = useState(true);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setError(labels.noFile);
    setError("");
    // The file goes as it is: the server reads its encoding (UTF-8, UTF-16, CP949, GB18030).
    const dryRun = submitter?.value !== "commit";
    const data = new FormData();
    data.set("file", file);
    data.set("dryRun", dryRun ? "1" : "0");
    setLastDryRun(dryRun);
    startTransition(() => dispatch(data));
  }

  const report = state?.ok ? state.report : null;
  return (
    <div className="space-y-5">
      <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="space-y-1">
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">{labels.file}</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" className={inputClass} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" value="dry-run" disabled={pending} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
            {labels.dryRun}
          </button>
          <button type="submit" value="commit" disabled={pending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            {labels.commit}
          </button>
          {pending ? <span role="status" className="text-sm text-slate-600">{labels.working}</span> : null}
        </div>
        {error ? <FormAlert tone="error">{error}</FormAlert> : null}
        {state && !state.ok ? <FormAlert tone="error">{state.fieldErrors?.csv?.[0] ?? state.formError}</FormAlert> : null}
      </form>

      {report ? (
        <section aria-live="polite" className="space-y-4">
          {report.fileError ? <FormAlert tone="error">{report.fileError}</FormAlert> : null}
          <p className="text-sm text-slate-600" data-testid="import-encoding">{fill(labels.encoding, { encoding: report.encoding })}</p>
          {!report.fileError ? (
            <p className="font-medium">
              {fill(labels.summary, { rows: report.rows, create: report.toCreate.length, duplicates: report.duplicates.length, invalid: report.invalid.length })}
            </p>
          ) : null}
          {report.newBodies.length ? (
            <div>
              <h2 className="font-semibold">{labels.newBodies}</h2>
              <ul className="mt-1 flex flex-wrap gap-2 text-sm" data-testid="import-new-bodies">
                {report.newBodies.map((name) => (
                  <li key={name} lang="zh-CN" className="rounded border border-slate-200 bg-white px-2 py-0.5">{name}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {!lastDryRun && report.created > 0 ? <FormAlert tone="success">{fill(labels.done, { count: report.created })}</FormAlert> : null}
          {!lastDryRun && report.invalid.length > 0 ? <FormAlert tone="error">{labels.blocked}</FormAlert> : null}
          {report.invalid.length ? (
            <div>
              <h2 className="font-semibold text-red-800">{labels.invalid}</h2>
              <ul className="mt-1 space-y-1 text-sm">
                {report.invalid.map((row) => (
                  <li key={row.line}><span className="font-medium">{fill(labels.line, { line: row.line })}</span>: {row.errors.join(" · ")}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {report.duplicates.length ? (
            <div>
              <h2 className="font-semibold text-amber-800">{labels.duplicates}</h2>
              <ul className="mt-1 space-y-1 text-sm">
                {report.duplicates.map((row) => (
                  <li key={row.line}>
                    <span className="font-medium">{fill(labels.line, { line: row.line })}</span>: <span lang="ko">{row.titleKo}</span> →{" "}
                    {row.existing.map((e) =>
                      e.id ? (
                        <Link key={e.id} href={`/policies/${e.id}`} className="mr-2" lang="ko">{e.titleKo}</Link>
                      ) : (
                        <span key={`line-${e.line}`} className="mr-2">{fill(labels.duplicateOfLine, { line: e.line ?? 0 })}</span>
                      ),
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {report.toCreate.length ? (
            <div>
              <h2 className="font-semibold">{labels.toCreate}</h2>
              <ul className="mt-1 space-y-1 text-sm">
                {report.toCreate.map((row) => (
                  <li key={row.line}><span className="font-medium">{fill(labels.line, { line: row.line })}</span>: <span lang="ko">{row.titleKo}</span></li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
