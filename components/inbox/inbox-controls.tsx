"use client";

import Link from "next/link";
import { useActionState } from "react";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/(workspace)/inbox/actions";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert } from "@/components/ui/form";

type FormAction = (previous: ActionResult<object> | null, form: FormData) => Promise<ActionResult<object>>;

/**
 * The link to where a notification happened. Following it marks the notification read (in the
 * background: the navigation does not wait for it).
 */
export function NotificationLink({ href, notificationId, unread, children }: { href: string; notificationId: string; unread: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      onClick={() => {
        if (unread) void markNotificationReadAction({ notificationId });
      }}
    >
      {children}
    </Link>
  );
}

/** "Mark read" for one notification, or "mark all read" when no id is given. */
export function MarkReadButton({ notificationId, label, pendingLabel, srLabel }: { notificationId?: string; label: string; pendingLabel: string; srLabel?: string }) {
  const action = (notificationId ? markNotificationReadAction : markAllNotificationsReadAction) as FormAction;
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      {notificationId ? <input type="hidden" name="notificationId" value={notificationId} /> : null}
      <button
        type="submit"
        disabled={pending}
        aria-label={srLabel}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? pendingLabel : label}
      </button>
      {state && !state.ok ? <FormAlert tone="error">{state.formError}</FormAlert> : null}
    </form>
  );
}
