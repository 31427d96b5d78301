"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { Period, ReportPreset } from "@/lib/reports/period";
import type { Locale, ReportSection } from "@/lib/vocab";
import { FieldErrors, FormAlert, FormField, inputClass, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

export type GenerateReportLabels = {
  title: string;
  titleHint: string;
  from: string;
  to: string;
  presets: string;
  sections: string;
  language: string;
  languageHint: string;
  generate: string;
  generating: string;
};

/**
 * `/reports/new`: the period (typed, or filled by a preset), the sections and the report's
 * language. What was typed stays when the server refuses; success opens the saved report.
 */
export function GenerateReportForm({
  action,
  presets,
  sections,
  languages,
  defaultLanguage,
  labels,
}: {
  action: (previous: ActionResult<{ reportId: string }> | null, form: FormData) => Promise<ActionResult<{ reportId: string }>>;
  presets: { key: ReportPreset; label: string; period: Period | null }[];
  sections: { value: ReportSection; label: string }[];
  languages: { value: Locale; label: string }[];
  defaultLanguage: Locale;
  labels: GenerateReportLabels;
}) {
  const [state, dispatch, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, dispatch, { resetOnSuccess: false });
  const router = useRouter();
  const initial = presets[0]?.period;
  const [period, setPeriod] = useState<Period>({ from: initial?.from ?? "", to: initial?.to ?? "" });
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const reportId = state?.ok ? state.reportId : undefined;
  useEffect(() => {
    if (reportId) router.push(`/reports/${reportId}`);
  }, [reportId, router]);

  return (
    <form {...kept} className="max-w-2xl space-y-5" aria-busy={pending || undefined} noValidate>
      <FormField label={labels.title} name="title" maxLength={200} hint={labels.titleHint} autoComplete="off" errors={errors.title} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{labels.presets}</legend>
        <div className="flex flex-wrap gap-2">
          {presets.map((preset) => (
            <button
              key={preset.key}
              type="button"
              disabled={!preset.period}
              onClick={() => preset.period && setPeriod(preset.period)}
              className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
            >
              {preset.label}
            </button>
          ))}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label={labels.from} name="from" type="date" required value={period.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))} errors={errors.from} />
          <FormField label={labels.to} name="to" type="date" required value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))} errors={errors.to} />
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{labels.sections}</legend>
        {sections.map((section) => (
          <label key={section.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="sections" value={section.value} defaultChecked className="size-4" />
            {section.label}
          </label>
        ))}
        <FieldErrors errors={errors.sections} />
      </fieldset>
      <div className="max-w-xs space-y-1">
        <label htmlFor="report-language" className="block text-sm font-medium text-slate-800">{labels.language}</label>
        <select id="report-language" name="language" defaultValue={defaultLanguage} aria-describedby="report-language-hint" className={inputClass}>
          {languages.map((l) => (
            <option key={l.value} value={l.value}>{l.label}</option>
          ))}
        </select>
        <p id="report-language-hint" className="text-xs text-slate-500">{labels.languageHint}</p>
        <FieldErrors errors={errors.language} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={labels.generate} pendingLabel={labels.generating} />
      </div>
      {state && !state.ok ? <FormAlert tone="error">{state.formError}</FormAlert> : null}
    </form>
  );
}
