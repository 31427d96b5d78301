"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert, FormField, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

/** An address and a button: queues a test mail (admins, on the mail log). */
export function TestMailForm<Sent extends object>({
  action,
  defaultAddress,
  labels,
}: {
  action: (previous: ActionResult<Sent> | null, form: FormData) => Promise<ActionResult<Sent>>;
  defaultAddress: string;
  labels: { address: string; send: string; sending: string; queued: string };
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...kept} className="flex max-w-xl flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <FormField label={labels.address} name="to" type="email" required maxLength={320} defaultValue={defaultAddress} errors={errors?.to} />
      </div>
      <SubmitButton pending={pending} label={labels.send} pendingLabel={labels.sending} />
      <div className="basis-full">
        {state ? state.ok ? <FormAlert tone="success">{labels.queued}</FormAlert> : <FormAlert tone="error">{state.formError}</FormAlert> : null}
      </div>
    </form>
  );
}
