"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert, SubmitButton } from "@/components/ui/form";

/** Revokes one pending invitation; the page then drops it from the list. */
export function RevokeInvitationButton({
  action,
  invitationId,
  label,
}: {
  action: (state: ActionResult | null, form: FormData) => Promise<ActionResult>;
  invitationId: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton pending={pending} label={label} tone="danger" size="sm" />
      {state && !state.ok ? <FormAlert tone="error">{state.formError}</FormAlert> : null}
    </form>
  );
}
