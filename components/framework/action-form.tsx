"use client";

import { type ReactNode, useActionState } from "react";
import { FormAlert } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

type AnyAction = (state: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * A small form around one framework action: the fields and buttons come from the server page,
 * this adds the pending state and the refusal message (field errors included).
 */
export function ActionForm({ action, children, className }: { action: AnyAction; children: ReactNode; className?: string }) {
  const [state, dispatch, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, dispatch);
  const errors = state && !state.ok ? [state.formError, ...Object.values(state.fieldErrors ?? {}).flat()] : [];
  return (
    <form {...kept} className={className} aria-busy={pending || undefined}>
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      {errors.length ? <div className="basis-full"><FormAlert tone="error">{[...new Set(errors)].join(" ")}</FormAlert></div> : null}
    </form>
  );
}
