"use client";

import { type FormEvent, useState, useTransition } from "react";
import { FormAlert, inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import type { OpmlImportReport } from "@/lib/intake/import-sources";
import { fill } from "@/components/i18n/messages-provider";

export type OpmlImportLabels = {
  file: string;
  submit: string;
  importing: string;
  noFile: string;
  /** With {created} and {skipped}. */
  result: string;
  errors: string;
  /** With {line} and {message}. */
  line: string;
};

type ImportAction = (input: { opml: string }) => Promise<ActionResult<{ report: OpmlImportReport }>>;

/** Reads an OPML file in the browser and sends its text to be imported as sources. */
export function OpmlImportForm({ action, labels }: { action: ImportAction; labels: OpmlImportLabels }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ report: OpmlImportReport }> | null>(null);
  const [fileError, setFileError] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const file = (event.currentTarget.elements.namedItem("opml") as HTMLInputElement | null)?.files?.[0];
    if (!file) {
      setFileError(labels.noFile);
      return;
    }
    setFileError("");
    setResult(null);
    startTransition(async () => {
      const opml = await file.text();
      setResult(await action({ opml }));
    });
  }

  const failed = result && !result.ok ? result : null;
  const report = result?.ok ? result.report : null;

  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 space-y-1 sm:max-w-md">
          <label htmlFor="opml-file" className="block text-sm font-medium text-slate-800">{labels.file}</label>
          <input
            id="opml-file"
            name="opml"
            type="file"
            accept=".opml,.xml,text/x-opml,application/xml"
            aria-invalid={fileError ? true : undefined}
            className={inputClass}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        >
          {labels.submit}
        </button>
      </form>
      <div aria-live="polite" className="space-y-2">
        {pending ? <p className="text-sm text-slate-700">{labels.importing}</p> : null}
        {report ? (
          <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm">
            <p className="font-medium text-slate-900">{fill(labels.result, { created: report.created, skipped: report.skipped })}</p>
            {report.errors.length ? (
              <>
                <p className="text-red-800">{labels.errors}</p>
                <ul className="list-disc space-y-1 pl-5 text-red-800">
                  {report.errors.map((e, i) => (
                    <li key={i} className="break-words">{e.line === null ? e.message : fill(labels.line, { line: e.line, message: e.message })}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      {fileError ? <FormAlert tone="error">{fileError}</FormAlert> : null}
      {failed ? <FormAlert tone="error">{failed.fieldErrors?.opml?.[0] ?? failed.formError}</FormAlert> : null}
    </div>
  );
}
