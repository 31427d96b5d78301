"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { useSurvivingAction } from "@/components/ui/kept-form";

/** Deletes the report (its author or an admin), then back to the list. */
export function DeleteReportButton({
  action,
  id,
  labels,
}: {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  id: string;
  labels: { delete: string; deleting: string };
}) {
  const [state, dispatch, pending] = useActionState(useSurvivingAction(action), null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push("/reports");
  }, [state, router]);
  return (
    <form action={dispatch} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} label={labels.delete} pendingLabel={labels.deleting} tone="danger" size="sm" />
      {state && !state.ok ? <FormAlert tone="error">{state.formError}</FormAlert> : null}
    </form>
  );
}
