"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { FieldErrors, FormAlert, FormField, inputClass } from "@/components/ui/form";
import type { ActionFailure, ActionResult } from "@/lib/actions/result";
import type { SourcePreview } from "@/lib/intake/preview-source";
import type { Locale, SourceKindCode } from "@/lib/vocab";
import { useSurvivingAction } from "@/components/ui/kept-form";
import { fill } from "@/components/i18n/messages-provider";

/** What the form starts from: blank for a new source, the stored row (with its version) for an edit. */
export type SourceFormValues = {
  id?: string;
  version?: number;
  name: string;
  url: string;
  kind: SourceKindCode;
  linkSelector: string;
  titleSelector: string;
  dateSelector: string;
  intervalMinutes: string;
  enabled: boolean;
};

export type SourceFormLabels = {
  name: string;
  url: string;
  kind: string;
  linkSelector: string;
  linkSelectorHint: string;
  titleSelector: string;
  dateSelector: string;
  selectorsLegend: string;
  interval: string;
  intervalHint: string;
  enabled: string;
  save: string;
  saving: string;
  cancel: string;
  test: string;
  testing: string;
  testHint: string;
  /** With {count}. */
  previewTitle: string;
  /** With {charset}. */
  previewCharset: string;
  previewEmpty: string;
  previewSuggestions: string;
  /** With {selector} and {count}. */
  useSelector: string;
};

type SaveAction = (input: FormData) => Promise<ActionResult<{ id: string }>>;
type TestAction = (input: FormData) => Promise<ActionResult<{ preview: SourcePreview }>>;

const secondaryButton =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60";

/**
 * Adds or edits a watched source. Every field is controlled and the submit is handled here (no
 * `<form action>`), so nothing typed is lost when the server refuses. "Test this source" shows
 * what a check would pick up with the current values, without saving.
 */
export function SourceForm({
  save,
  test,
  values: initial,
  kinds,
  labels,
  locale,
}: {
  save: SaveAction;
  test: TestAction;
  values: SourceFormValues;
  kinds: { value: SourceKindCode; label: string }[];
  labels: SourceFormLabels;
  locale: Locale;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, startSave] = useTransition();
  // A request that never gets an answer is reported beside the fields, which keep their values.
  const trySave = useSurvivingAction(save);
  const tryTest = useSurvivingAction(test);
  const [testing, startTest] = useTransition();
  const errors = failure?.fieldErrors ?? {};
  const isHtmlList = values.kind === "html_list";
  const busy = saving || testing || saved;

  const set = <K extends keyof SourceFormValues>(key: K, value: SourceFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  // The selectors only mean something for an HTML list page; for a feed they are sent blank
  // (but kept in the form, should the kind be switched back).
  function formData(v: SourceFormValues, withRef: boolean): FormData {
    const data = new FormData();
    if (withRef && v.id) {
      data.set("id", v.id);
      data.set("version", String(v.version ?? ""));
    }
    data.set("name", v.name);
    data.set("url", v.url);
    data.set("kind", v.kind);
    data.set("linkSelector", v.kind === "html_list" ? v.linkSelector : "");
    data.set("titleSelector", v.kind === "html_list" ? v.titleSelector : "");
    data.set("dateSelector", v.kind === "html_list" ? v.dateSelector : "");
    data.set("intervalMinutes", v.intervalMinutes);
    data.set("enabled", v.enabled ? "true" : "false");
    return data;
  }

  function runTest(v: SourceFormValues) {
    setPreview(null);
    startTest(async () => {
      const result = await tryTest(formData(v, false));
      if (result.ok) {
        setFailure(null);
        setPreview(result.preview);
      } else {
        setFailure(result);
      }
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = formData(values, true);
    startSave(async () => {
      const result = await trySave(data);
      if (result.ok) {
        setFailure(null);
        setSaved(true);
        router.push("/intake/sources");
        router.refresh();
      } else {
        setFailure(result);
      }
    });
  }

  function applySuggestion(selector: string) {
    const next = { ...values, linkSelector: selector };
    setValues(next);
    runTest(next);
  }

  const dateFormat = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "ko-KR", { dateStyle: "medium", timeZone: "Asia/Seoul" });
  const formatDate = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
  };

  // The three selectors of a list page: monospace, no spell check, each with its own errors.
  const selectorField = (name: "linkSelector" | "titleSelector" | "dateSelector", extra: { hint?: string; required?: boolean } = {}) => (
    <FormField
      id={`source-${name}`}
      name={name}
      label={labels[name]}
      value={values[name]}
      onChange={(e) => set(name, e.target.value)}
      autoComplete="off"
      spellCheck={false}
      className={`${inputClass} font-mono`}
      errors={errors[name]}
      {...extra}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <FormField
          id="source-name"
          name="name"
          label={labels.name}
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          required
          autoComplete="off"
          errors={errors.name}
        />
        <div className="space-y-1">
          <label htmlFor="source-kind" className="block text-sm font-medium text-slate-800">{labels.kind}</label>
          <select
            id="source-kind"
            name="kind"
            value={values.kind}
            onChange={(e) => set("kind", e.target.value as SourceKindCode)}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={errors.kind ? "source-kind-error" : undefined}
            className={inputClass}
          >
            {kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
          <FieldErrors id="source-kind-error" errors={errors.kind} />
        </div>
        <div className="md:col-span-2">
          <FormField
            id="source-url"
            name="url"
            type="url"
            label={labels.url}
            value={values.url}
            onChange={(e) => set("url", e.target.value)}
            required
            placeholder="https://"
            autoComplete="off"
            spellCheck={false}
            errors={errors.url}
          />
        </div>
      </div>

      {isHtmlList ? (
        <fieldset className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-medium text-slate-800">{labels.selectorsLegend}</legend>
          {selectorField("linkSelector", { hint: labels.linkSelectorHint, required: true })}
          <div className="grid gap-4 md:grid-cols-2">
            {selectorField("titleSelector")}
            {selectorField("dateSelector")}
          </div>
        </fieldset>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2 md:items-start">
        <FormField
          id="source-intervalMinutes"
          name="intervalMinutes"
          type="number"
          inputMode="numeric"
          min={15}
          step={1}
          label={labels.interval}
          hint={labels.intervalHint}
          value={values.intervalMinutes}
          onChange={(e) => set("intervalMinutes", e.target.value)}
          errors={errors.intervalMinutes}
        />
        <div className="space-y-1 md:pt-7">
          <div className="flex items-center gap-2">
            <input
              id="source-enabled"
              name="enabled"
              type="checkbox"
              checked={values.enabled}
              onChange={(e) => set("enabled", e.target.checked)}
              className="h-4 w-4 rounded border-slate-300"
            />
            <label htmlFor="source-enabled" className="text-sm font-medium text-slate-800">{labels.enabled}</label>
          </div>
          <FieldErrors errors={errors.enabled} />
        </div>
      </div>

      {failure ? <FormAlert tone="error">{failure.formError}</FormAlert> : null}

      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={() => runTest(values)} disabled={busy} aria-describedby="source-test-hint" className={secondaryButton}>
            {testing ? labels.testing : labels.test}
          </button>
          <button type="submit" disabled={busy} className="inline-flex items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            {saving || saved ? labels.saving : labels.save}
          </button>
          <Link href="/intake/sources" className="text-sm">{labels.cancel}</Link>
        </div>
        <p id="source-test-hint" className="text-sm text-slate-600">{labels.testHint}</p>
      </div>

      <section aria-live="polite" aria-busy={testing} className="space-y-3">
        {testing ? <p className="text-sm text-slate-700">{labels.testing}</p> : null}
        {preview ? (
          <div className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
            {preview.entries.length ? (
              <h2 className="text-base font-semibold text-slate-900">{fill(labels.previewTitle, { count: preview.entries.length }, locale)}</h2>
            ) : (
              <p className={`rounded-md border px-3 py-2 text-sm ${preview.message ? "border-amber-300 bg-amber-50 text-amber-900" : "border-slate-200 bg-slate-50 text-slate-800"}`}>
                {preview.message ?? labels.previewEmpty}
              </p>
            )}
            {preview.charset ? <p className="text-sm text-slate-600">{fill(labels.previewCharset, { charset: preview.charset })}</p> : null}
            {preview.entries.length ? (
              <ol className="list-decimal space-y-1.5 pl-5 text-sm">
                {preview.entries.map((entry, i) => (
                  <li key={`${entry.url}-${i}`}>
                    <a href={entry.url} target="_blank" rel="noreferrer" className="break-words">{entry.title || entry.url}</a>
                    {entry.publishedAt ? (
                      <>
                        {" "}
                        <time dateTime={entry.publishedAt} className="whitespace-nowrap text-slate-600">· {formatDate(entry.publishedAt)}</time>
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : null}
            {preview.suggestions.length ? (
              <div className="space-y-2">
                <p className="text-sm text-slate-700">{labels.previewSuggestions}</p>
                <ul className="space-y-2">
                  {preview.suggestions.map((s) => (
                    <li key={s.selector} className="space-y-1">
                      <button
                        type="button"
                        onClick={() => applySuggestion(s.selector)}
                        disabled={busy}
                        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-left font-mono text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
                      >
                        {fill(labels.useSelector, { selector: s.selector, count: s.count }, locale)}
                      </button>
                      {s.sample.length ? <p className="text-xs break-words text-slate-600">{s.sample.join(" · ")}</p> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
      </section>
    </form>
  );
}
