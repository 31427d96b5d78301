"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert, inputClass, SubmitButton } from "@/components/ui/form";
import { useSurvivingAction } from "@/components/ui/kept-form";

type Issued = { path: string; expiresAt: string; email: string };

export type ResetLinkLabels = {
  issue: string;
  issuing: string;
  link: string;
  copy: string;
  copied: string;
  /** "{email}" and "{date}" are filled in here. */
  issued: string;
};

/** Issues a password reset link for a member and shows it once, copyable (it is mailed too). */
export function ResetLinkButton({
  action,
  userId,
  labels,
  locale,
}: {
  action: (state: ActionResult<Issued> | null, form: FormData) => Promise<ActionResult<Issued>>;
  userId: string;
  labels: ResetLinkLabels;
  locale: string;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const [copied, setCopied] = useState(false);
  const failed = state && !state.ok ? state : null;
  const issued = state && state.ok ? state : null;
  const link = issued ? new URL(issued.path, window.location.origin).toString() : "";
  const expires = issued
    ? new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "ko-KR", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Seoul" }).format(new Date(issued.expiresAt))
    : "";
  const fieldId = `reset-link-${userId}`;
  return (
    <div className="space-y-2">
      <form action={(form) => (setCopied(false), formAction(form))}>
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton pending={pending} label={labels.issue} pendingLabel={labels.issuing} tone="secondary" />
      </form>
      {failed ? <FormAlert tone="error">{failed.formError}</FormAlert> : null}
      {issued ? (
        <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3">
          <p role="status" className="text-xs text-emerald-900">
            {labels.issued.replace("{email}", issued.email).replace("{date}", expires)}
          </p>
          <label htmlFor={fieldId} className="block text-xs font-medium text-slate-700">{labels.link}</label>
          <div className="flex gap-2">
            <input id={fieldId} readOnly value={link} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono text-xs`} />
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard.writeText(link);
                setCopied(true);
              }}
              className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {copied ? labels.copied : labels.copy}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
