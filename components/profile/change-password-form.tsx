"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert, FormField, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

type Changed = { reissued: boolean };

export type ChangePasswordLabels = {
  currentPassword: string;
  newPassword: string;
  newPasswordHint: string;
  newPasswordConfirm: string;
  submit: string;
  submitting: string;
  changed: string;
  changedSignIn: string;
  signIn: string;
};

/**
 * Current and new password. Afterwards this browser normally holds a fresh session (the action
 * re-issues it); if that failed, the form says so and links to the sign-in page.
 */
export function ChangePasswordForm({
  action,
  labels,
}: {
  action: (state: ActionResult<Changed> | null, form: FormData) => Promise<ActionResult<Changed>>;
  labels: ChangePasswordLabels;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const failed = state && !state.ok ? state : null;
  return (
    <form {...kept} className="max-w-md space-y-4" noValidate>
      {failed ? <FormAlert tone="error">{failed.formError}</FormAlert> : null}
      {state?.ok && state.reissued ? <FormAlert tone="success">{labels.changed}</FormAlert> : null}
      {state?.ok && !state.reissued ? (
        <FormAlert tone="success">
          {labels.changedSignIn}{" "}
          <Link href="/sign-in?callbackUrl=%2Fprofile" className="font-medium underline">
            {labels.signIn}
          </Link>
        </FormAlert>
      ) : null}
      <FormField
        label={labels.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={failed?.fieldErrors?.currentPassword}
      />
      <FormField
        label={labels.newPassword}
        hint={labels.newPasswordHint}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        errors={failed?.fieldErrors?.newPassword}
      />
      <FormField
        label={labels.newPasswordConfirm}
        name="newPasswordConfirm"
        type="password"
        autoComplete="new-password"
        required
        errors={failed?.fieldErrors?.newPasswordConfirm}
      />
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.submitting} />
    </form>
  );
}
