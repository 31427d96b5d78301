"use client";

import { useActionState, type ReactNode } from "react";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

export type FormAction<T extends object> = (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A small server-action form whose fields are rendered by the (server) parent. It shows the
 * action's refusal — the form error and each field's message, named by `fieldLabels` — and a
 * confirmation after success. React resets the
 * uncontrolled fields after the action, like any form action.
 */
export function ActionForm<T extends object>({
  action,
  children,
  submitLabel,
  successLabel,
  fieldLabels = {},
  tone = "primary",
  className = "space-y-3",
  inline = false,
}: {
  action: FormAction<T>;
  children: ReactNode;
  submitLabel: string;
  successLabel?: string;
  fieldLabels?: Record<string, string>;
  tone?: "primary" | "secondary" | "danger";
  className?: string;
  inline?: boolean;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  return (
    <form {...kept} className={className}>
      <div className={inline ? "contents" : "space-y-3"}>
        {children}
      </div>
      <SubmitButton pending={pending} label={submitLabel} tone={tone} size={inline ? "sm" : "md"} />
      {state && !state.ok ? (
        <FormAlert tone="error">
          {state.formError}
          {fieldErrors.length ? (
            <ul className="mt-1 list-disc pl-5">
              {fieldErrors.map(([field, messages]) => (
                <li key={field}>
                  {fieldLabels[field] ? `${fieldLabels[field]}: ` : ""}
                  {messages.join(" ")}
                </li>
              ))}
            </ul>
          ) : null}
        </FormAlert>
      ) : null}
      {state?.ok && successLabel ? <FormAlert tone="success">{successLabel}</FormAlert> : null}
    </form>
  );
}
