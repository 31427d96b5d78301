"use client";

import { useActionState, useState, type ReactNode } from "react";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

export type FormAction<T extends object> = (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A small server-action form whose fields are rendered by the (server) parent. It shows the
 * action's refusal — the form error and each field's message, named by `fieldLabels` — and a
 * confirmation after success; the fields are cleared only after a success.
 *
 * With `version`, the form sends the version of the record it was shown on, fixed when it
 * mounted: a live refresh of the page does not move it (the choice in the form was made on what
 * the person saw). A success or a conflict moves it to the version the server reports, so the
 * next send applies to what the page now shows.
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
  version,
}: {
  action: FormAction<T>;
  children: ReactNode;
  submitLabel: string;
  successLabel?: string;
  fieldLabels?: Record<string, string>;
  tone?: "primary" | "secondary" | "danger";
  className?: string;
  inline?: boolean;
  version?: number;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const [sentOn, setSentOn] = useState({ state: null as unknown, version });
  if (sentOn.state !== state) {
    const reported = state?.ok ? (state as { version?: unknown }).version : (state?.details?.current as { version?: unknown } | undefined)?.version;
    setSentOn({ state, version: typeof reported === "number" ? reported : sentOn.version });
  }
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  return (
    <form {...kept} className={className}>
      <div className={inline ? "contents" : "space-y-3"}>
        {sentOn.version !== undefined ? <input type="hidden" name="version" value={sentOn.version} /> : null}
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
