"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert, FormField, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

export type ForgotPasswordLabels = { email: string; submit: string; submitting: string; sent: string };

/** The address to mail a reset link to; the answer is the same whether or not it has an account. */
export function ForgotPasswordForm({
  action,
  labels,
}: {
  action: (state: ActionResult<{ sent: boolean }> | null, form: FormData) => Promise<ActionResult<{ sent: boolean }>>;
  labels: ForgotPasswordLabels;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const failed = state && !state.ok ? state : null;
  return (
    <form {...kept} className="space-y-4" noValidate>
      {failed ? <FormAlert tone="error">{failed.formError}</FormAlert> : null}
      {state?.ok ? <FormAlert tone="success">{labels.sent}</FormAlert> : null}
      <FormField label={labels.email} name="email" type="email" autoComplete="username" required autoFocus errors={failed?.fieldErrors?.email} />
      <div className="pt-2">
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.submitting} />
      </div>
    </form>
  );
}
