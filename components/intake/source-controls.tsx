"use client";

import { useState, useTransition } from "react";
import { FormAlert } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";

export type SourceControlLabels = {
  /** The group's accessible name, e.g. "Actions for MIIT notices". */
  group: string;
  pause: string;
  resume: string;
  checkNow: string;
  checkQueued: string;
  checkDone: string;
  delete: string;
  /** Already filled with the source's name. */
  deleteConfirm: string;
};

export type SourceControlActions = {
  setEnabled: (input: { id: string; enabled: boolean }) => Promise<ActionResult>;
  checkNow: (input: { id: string }) => Promise<ActionResult<{ queued: boolean }>>;
  remove: (input: { id: string }) => Promise<ActionResult>;
};

type Message = { tone: "error" | "success"; text: string };

const button =
  "inline-flex items-center justify-center rounded-md border px-2.5 py-1 text-xs font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700/40 disabled:opacity-60";
const secondary = `${button} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
const danger = `${button} border-red-300 bg-white text-red-700 hover:bg-red-50`;

/**
 * One source's row controls: pause/resume, check now, delete. The actions revalidate the
 * sources page, so the row itself shows the new state; these add the check's outcome and errors.
 */
export function SourceControls({
  source,
  actions,
  labels,
}: {
  source: { id: string; enabled: boolean };
  actions: SourceControlActions;
  labels: SourceControlLabels;
}) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Message | null>(null);

  function run(work: () => Promise<Message | null>) {
    setMessage(null);
    startTransition(async () => {
      setMessage(await work());
    });
  }

  const toggle = () =>
    run(async () => {
      const result = await actions.setEnabled({ id: source.id, enabled: !source.enabled });
      return result.ok ? null : { tone: "error", text: result.formError };
    });

  const check = () =>
    run(async () => {
      const result = await actions.checkNow({ id: source.id });
      if (!result.ok) return { tone: "error", text: result.formError };
      return { tone: "success", text: result.queued ? labels.checkQueued : labels.checkDone };
    });

  const remove = () => {
    if (!window.confirm(labels.deleteConfirm)) return;
    run(async () => {
      const result = await actions.remove({ id: source.id });
      return result.ok ? null : { tone: "error", text: result.formError };
    });
  };

  return (
    <div className="space-y-2">
      <div role="group" aria-label={labels.group} className="flex flex-wrap gap-1.5">
        <button type="button" onClick={toggle} disabled={pending} className={secondary}>
          {source.enabled ? labels.pause : labels.resume}
        </button>
        <button type="button" onClick={check} disabled={pending} className={secondary}>
          {labels.checkNow}
        </button>
        <button type="button" onClick={remove} disabled={pending} className={danger}>
          {labels.delete}
        </button>
      </div>
      {message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}
    </div>
  );
}
