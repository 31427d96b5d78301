"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert, FormField, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

export type ResetPasswordLabels = { password: string; passwordHint: string; passwordConfirm: string; submit: string; submitting: string };

/** The new password twice; success opens the sign-in page with a notice. */
export function ResetPasswordForm({
  action,
  token,
  labels,
}: {
  action: (state: ActionResult | null, form: FormData) => Promise<ActionResult>;
  token: string;
  labels: ResetPasswordLabels;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const failed = state && !state.ok ? state : null;
  useEffect(() => {
    if (state?.ok) router.replace("/sign-in?reset=done");
  }, [state, router]);
  return (
    <form {...kept} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {failed ? <FormAlert tone="error">{failed.formError}</FormAlert> : null}
      <FormField
        label={labels.password}
        hint={labels.passwordHint}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        errors={failed?.fieldErrors?.password}
      />
      <FormField
        label={labels.passwordConfirm}
        name="passwordConfirm"
        type="password"
        autoComplete="new-password"
        required
        errors={failed?.fieldErrors?.passwordConfirm}
      />
      <div className="pt-2">
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.submitting} />
      </div>
    </form>
  );
}
