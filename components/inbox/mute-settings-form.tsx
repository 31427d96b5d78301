"use client";

import { useActionState } from "react";
import { setMutedKindsAction } from "@/app/(workspace)/inbox/actions";
import type { ActionResult } from "@/lib/actions/result";
import type { NotificationKind } from "@/lib/vocab";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

type FormAction = (previous: ActionResult<object> | null, form: FormData) => Promise<ActionResult<object>>;

/** Checkboxes of the notification kinds; a checked kind is muted (not created at all). */
export function MuteSettingsForm({
  kinds,
  muted,
  labels,
}: {
  kinds: { value: NotificationKind; label: string }[];
  muted: NotificationKind[];
  labels: { legend: string; save: string; saving: string; saved: string };
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(setMutedKindsAction as FormAction), null);
  const kept = useKeptForm(state, formAction);
  return (
    <form {...kept} className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-sm text-slate-700">{labels.legend}</legend>
        {kinds.map((kind) => (
          <label key={kind.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="muted" value={kind.value} defaultChecked={muted.includes(kind.value)} className="size-4" />
            {kind.label}
          </label>
        ))}
      </fieldset>
      <SubmitButton pending={pending} label={labels.save} pendingLabel={labels.saving} size="sm" />
      {state ? state.ok ? <FormAlert tone="success">{labels.saved}</FormAlert> : <FormAlert tone="error">{state.formError}</FormAlert> : null}
    </form>
  );
}
