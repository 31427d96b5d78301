"use client";

import { useActionState } from "react";
import type { ActionFailure } from "@/lib/actions/result";
import { FormAlert, FormField, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

type SignInState = (ActionFailure & { email?: string }) | null;

export type SignInLabels = { email: string; password: string; submit: string; submitting: string };

/** E-mail and password; on success the action redirects, so only failures come back. */
export function SignInForm({
  action,
  callbackUrl,
  labels,
  initialError,
}: {
  action: (state: SignInState, form: FormData) => Promise<SignInState>;
  callbackUrl: string;
  labels: SignInLabels;
  /** A refusal reported in the URL (when the form was posted to /api/auth without JavaScript). */
  initialError?: string;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const formError = state ? state.formError : initialError;
  return (
    <form {...kept} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {formError ? <FormAlert tone="error">{formError}</FormAlert> : null}
      <FormField
        label={labels.email}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={state && "email" in state ? state.email : undefined}
        errors={state?.fieldErrors?.email}
      />
      <FormField
        label={labels.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state?.fieldErrors?.password}
      />
      <div className="pt-2">
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.submitting} />
      </div>
    </form>
  );
}
