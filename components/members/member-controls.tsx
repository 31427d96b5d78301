"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { Role } from "@/lib/vocab";
import { FormAlert, inputClass, SubmitButton } from "@/components/ui/form";

type Versioned = { version: number };
type MemberAction = (state: ActionResult<Versioned> | null, form: FormData) => Promise<ActionResult<Versioned>>;

export type MemberControlLabels = {
  roleOf: string;
  saveRole: string;
  deactivate: string;
  reactivate: string;
  roleChanged: string;
  deactivated: string;
  reactivated: string;
};

/**
 * One member's role and status controls. Each form sends the row version the page showed, so
 * an admin acting on a stale page gets "someone else changed this" instead of overwriting.
 */
export function MemberControls({
  member,
  roles,
  labels,
  actions,
}: {
  member: { id: string; role: Role; active: boolean; version: number };
  roles: { value: Role; label: string }[];
  labels: MemberControlLabels;
  actions: { changeRole: MemberAction; deactivate: MemberAction; reactivate: MemberAction };
}) {
  const [roleState, roleAction, rolePending] = useActionState(actions.changeRole, null);
  const [offState, deactivateAction, offPending] = useActionState(actions.deactivate, null);
  const [onState, reactivateAction, onPending] = useActionState(actions.reactivate, null);
  const roleSelectId = `role-${member.id}`;
  const statusState = member.active ? onState : offState;
  const failures = [roleState, offState, onState].filter((s) => s && !s.ok);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={member.id} />
          <input type="hidden" name="version" value={member.version} />
          <label htmlFor={roleSelectId} className="sr-only">{labels.roleOf}</label>
          <select id={roleSelectId} name="role" defaultValue={member.role} key={`${member.role}-${member.version}`} className={`${inputClass} w-auto py-1 text-xs`}>
            {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </select>
          <SubmitButton pending={rolePending} label={labels.saveRole} tone="secondary" size="sm" />
        </form>
        <form action={member.active ? deactivateAction : reactivateAction}>
          <input type="hidden" name="userId" value={member.id} />
          <input type="hidden" name="version" value={member.version} />
          <SubmitButton
            pending={member.active ? offPending : onPending}
            label={member.active ? labels.deactivate : labels.reactivate}
            tone={member.active ? "danger" : "secondary"}
            size="sm"
          />
        </form>
      </div>
      {failures.map((f, i) => (f && !f.ok ? <FormAlert key={i} tone="error">{f.formError}</FormAlert> : null))}
      {roleState?.ok ? <FormAlert tone="success">{labels.roleChanged}</FormAlert> : null}
      {/* The success of the form that brought the row into its current state. */}
      {statusState?.ok ? <FormAlert tone="success">{member.active ? labels.reactivated : labels.deactivated}</FormAlert> : null}
    </div>
  );
}
