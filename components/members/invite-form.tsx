"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { Role } from "@/lib/vocab";
import { FieldErrors, FormAlert, FormField, inputClass, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

type Invited = { invitationId: string; path: string; expiresAt: string; email: string; mailed: boolean };

export type InviteLabels = {
  email: string;
  role: string;
  expiry: string;
  sendMail: string;
  mailed: string;
  submit: string;
  submitting: string;
  link: string;
  copy: string;
  copied: string;
  /** "{email}" and "{date}" are filled in here. */
  created: string;
};

/** Creates an invitation and shows its link once, with a copy button. */
export function InviteForm({
  action,
  labels,
  roles,
  expiryOptions,
  locale,
}: {
  action: (state: ActionResult<Invited> | null, form: FormData) => Promise<ActionResult<Invited>>;
  labels: InviteLabels;
  roles: { value: Role; label: string }[];
  expiryOptions: { value: number; label: string }[];
  locale: string;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const [copied, setCopied] = useState(false);
  const kept = useKeptForm(state, (form) => {
    setCopied(false);
    formAction(form);
  });
  const failed = state && !state.ok ? state : null;
  const invited = state && state.ok ? state : null;
  // The link is absolute so it can be pasted into a chat; the origin is the one the admin uses.
  const link = invited ? new URL(invited.path, window.location.origin).toString() : "";
  const expires = invited
    ? new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "ko-KR", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Seoul" }).format(new Date(invited.expiresAt))
    : "";

  return (
    <div className="space-y-4">
      <form {...kept} className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" noValidate>
        <FormField label={labels.email} name="email" type="email" autoComplete="off" required errors={failed?.fieldErrors?.email} />
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">{labels.role}</label>
          <select id="invite-role" name="role" defaultValue="editor" className={inputClass}>
            {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </select>
          <FieldErrors errors={failed?.fieldErrors?.role} />
        </div>
        <div className="space-y-1">
          <label htmlFor="invite-expiry" className="block text-sm font-medium text-slate-800">{labels.expiry}</label>
          <select id="invite-expiry" name="expiresInDays" defaultValue="7" className={inputClass}>
            {expiryOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          <FieldErrors errors={failed?.fieldErrors?.expiresInDays} />
        </div>
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.submitting} />
        <label className="flex items-center gap-2 text-sm text-slate-800 sm:col-span-4">
          <input type="checkbox" name="sendMail" className="h-4 w-4 rounded border-slate-300" />
          {labels.sendMail}
        </label>
      </form>
      {failed ? <FormAlert tone="error">{failed.formError}</FormAlert> : null}
      {invited ? (
        <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-4">
          <p role="status" className="text-sm text-emerald-900">
            {labels.created.replace("{email}", invited.email).replace("{date}", expires)}
            {invited.mailed ? ` ${labels.mailed}` : null}
          </p>
          <label htmlFor="invite-link" className="block text-xs font-medium text-slate-700">{labels.link}</label>
          <div className="flex gap-2">
            <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono text-xs`} />
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
