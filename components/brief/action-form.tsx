"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert, SubmitButton } from "@/components/ui/form";

export type FormAction<T extends object = object> = (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A small form that posts hidden fields (plus any fields given as children) to a server action
 * and shows its refusal or a confirmation. Used for resolve, reopen, delete, link, create item.
 */
export function ActionForm<T extends object>({
  action,
  hidden,
  label,
  pendingLabel,
  successLabel,
  confirm,
  tone = "secondary",
  children,
  className,
}: {
  action: FormAction<T>;
  hidden: Record<string, string | number>;
  label: string;
  pendingLabel?: string;
  successLabel?: string;
  confirm?: string;
  tone?: "primary" | "secondary" | "danger";
  children?: ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className={className ?? "inline-flex flex-col gap-1"}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div>
        <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} tone={tone} size="sm" />
      </div>
      {state && !state.ok ? (
        <FormAlert tone="error">{[state.formError, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ")}</FormAlert>
      ) : null}
      {state?.ok && successLabel ? <FormAlert tone="success">{successLabel}</FormAlert> : null}
    </form>
  );
}
