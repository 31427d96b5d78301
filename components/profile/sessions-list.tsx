"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert } from "@/components/ui/form";
import { useSurvivingAction } from "@/components/ui/kept-form";

export type SessionRow = { id: string; device: string; lastActive: string; signedInAt: string; from: string | null; current: boolean };

export type SessionsLabels = {
  thisBrowser: string;
  endSession: string;
  /** Per row, with the device named: "Sign out Chrome 131 · Windows". */
  endSessionLabels: Record<string, string>;
  ended: string;
  everywhereHeading: string;
  everywhereIntro: string;
  everywhereSubmit: string;
  everywhereConfirm: string;
  everywherePending: string;
};

const buttonClass =
  "inline-flex items-center justify-center rounded-md border border-red-300 bg-white font-medium text-red-700 hover:bg-red-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700/40 disabled:opacity-60";

/**
 * The account's signed-in browsers, each but this one with a button that ends it, and "sign out
 * everywhere", which ends them all (this one too) and opens the sign-in page.
 */
export function SessionsList({
  sessions,
  labels,
  endAction,
  everywhereAction,
}: {
  sessions: SessionRow[];
  labels: SessionsLabels;
  endAction: (input: { sessionId: string }) => Promise<ActionResult>;
  everywhereAction: (input: Record<string, never>) => Promise<ActionResult<{ ended: number }>>;
}) {
  const router = useRouter();
  const end = useSurvivingAction(endAction);
  const everywhere = useSurvivingAction(everywhereAction);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);

  const endOne = (sessionId: string) =>
    startTransition(async () => {
      const outcome = await end({ sessionId });
      setResult(outcome);
      if (outcome.ok) router.refresh();
    });
  const endAll = () => {
    if (!window.confirm(labels.everywhereConfirm)) return;
    startTransition(async () => {
      const outcome = await everywhere({});
      if (outcome.ok) router.replace("/sign-in");
      else setResult(outcome);
    });
  };

  return (
    <div className="space-y-4">
      {result && !result.ok ? <FormAlert tone="error">{result.formError}</FormAlert> : null}
      {result?.ok ? <FormAlert tone="success">{labels.ended}</FormAlert> : null}
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm" data-testid="session-row">
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium text-slate-900">
                {session.device}
                {session.current ? <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800">{labels.thisBrowser}</span> : null}
              </p>
              <p className="text-slate-600">
                {session.lastActive} · {session.signedInAt}
                {session.from ? ` · ${session.from}` : ""}
              </p>
            </div>
            {session.current ? null : (
              <button type="button" className={`${buttonClass} px-2.5 py-1 text-xs`} disabled={pending} aria-label={labels.endSessionLabels[session.id]} onClick={() => endOne(session.id)}>
                {labels.endSession}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="space-y-2">
        <h3 className="text-base font-semibold text-slate-900">{labels.everywhereHeading}</h3>
        <p className="text-sm text-slate-600">{labels.everywhereIntro}</p>
        <button type="button" className={`${buttonClass} px-4 py-2 text-sm`} disabled={pending} onClick={endAll}>
          {pending ? labels.everywherePending : labels.everywhereSubmit}
        </button>
      </div>
    </div>
  );
}
