"use client";

import { type FormEvent, startTransition, useActionState } from "react";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";

type RefAction = (state: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** Admin-only delete (with a confirmation) or restore of a policy. */
export function PolicyAdminControls({
  id,
  deleted,
  actions,
  labels,
}: {
  id: string;
  deleted: boolean;
  actions: { remove: RefAction; restore: RefAction };
  labels: { delete: string; restore: string; confirm: string };
}) {
  const [state, dispatch, pending] = useActionState(deleted ? actions.restore : actions.remove, null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!deleted && !window.confirm(labels.confirm)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }
  return (
    <form onSubmit={submit} className="inline-flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} label={deleted ? labels.restore : labels.delete} tone={deleted ? "secondary" : "danger"} size="sm" />
      {state && !state.ok ? <FormAlert tone="error">{state.formError}</FormAlert> : null}
    </form>
  );
}
