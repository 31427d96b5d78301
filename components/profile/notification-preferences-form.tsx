"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { DigestFrequency, NotificationDelivery, NotificationKind } from "@/lib/vocab";
import { FieldErrors, FormAlert, FormField, inputClass, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

/** One choice per notification kind (off, in the app, mail at once, digest) and the digest's schedule. */
export function NotificationPreferencesForm<Saved extends object>({
  action,
  kinds,
  deliveries,
  frequencies,
  current,
  labels,
}: {
  action: (previous: ActionResult<Saved> | null, form: FormData) => Promise<ActionResult<Saved>>;
  kinds: { value: NotificationKind; label: string }[];
  deliveries: { value: NotificationDelivery; label: string }[];
  frequencies: { value: DigestFrequency; label: string }[];
  current: { delivery: Record<NotificationKind, NotificationDelivery>; digestTime: string; digestTimeZone: string; digestFrequency: DigestFrequency; weeklyReport: boolean };
  labels: { legend: string; kind: string; digestLegend: string; digestTime: string; digestTimeZone: string; digestTimeZoneHint: string; digestFrequency: string; weeklyReport: string; save: string; saving: string; saved: string };
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...kept} className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm text-slate-700">{labels.legend}</legend>
        <table className="text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">{labels.kind}</th>
              {deliveries.map((d) => (
                <th key={d.value} scope="col">
                  {d.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind.value} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-800">
                  {kind.label}
                </th>
                {deliveries.map((d) => (
                  <td key={d.value} className="py-2 pr-3">
                    <label className="flex items-center gap-1.5">
                      <input type="radio" name={kind.value} value={d.value} defaultChecked={current.delivery[kind.value] === d.value} className="size-4" />
                      <span>{d.label}</span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="grid max-w-md gap-3">
        <legend className="mb-2 text-sm text-slate-700">{labels.digestLegend}</legend>
        <div className="space-y-1">
          <label htmlFor="field-digestFrequency" className="block text-sm font-medium text-slate-800">
            {labels.digestFrequency}
          </label>
          <select id="field-digestFrequency" name="digestFrequency" defaultValue={current.digestFrequency} className={inputClass}>
            {frequencies.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
          <FieldErrors errors={errors?.digestFrequency} />
        </div>
        <FormField label={labels.digestTime} name="digestTime" type="time" defaultValue={current.digestTime} required errors={errors?.digestTime} />
        <FormField
          label={labels.digestTimeZone}
          name="digestTimeZone"
          defaultValue={current.digestTimeZone}
          hint={labels.digestTimeZoneHint}
          required
          maxLength={64}
          errors={errors?.digestTimeZone}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="weeklyReport" defaultChecked={current.weeklyReport} className="size-4" />
          {labels.weeklyReport}
        </label>
      </fieldset>
      <SubmitButton pending={pending} label={labels.save} pendingLabel={labels.saving} />
      {state ? state.ok ? <FormAlert tone="success">{labels.saved}</FormAlert> : <FormAlert tone="error">{state.formError}</FormAlert> : null}
    </form>
  );
}
