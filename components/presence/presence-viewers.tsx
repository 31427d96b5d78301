"use client";

import { useEffect, useState } from "react";
import { presenceHeartbeatAction } from "@/app/actions/presence";
import type { Viewer } from "@/lib/presence/queries";
import { PRESENCE_HEARTBEAT_MS } from "@/lib/presence/schemas";

type Labels = { heading: string; alone: string; others: string };

/**
 * Says "I am here" now and every ~20 s while the tab is visible, "I left" when the page goes
 * away, and shows the other viewers (from the last heartbeat or the last server render).
 */
export function PresenceViewers({ topic, initialViewers, labels }: { topic: string; initialViewers: Viewer[]; labels: Labels }) {
  const [viewers, setViewers] = useState(initialViewers);
  const [seenInitial, setSeenInitial] = useState(initialViewers);
  if (seenInitial !== initialViewers) {
    // A fresh server render (a live presence event refreshed the page): take its list.
    setSeenInitial(initialViewers);
    setViewers(initialViewers);
  }

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    let alive = true;
    const beat = async () => {
      const result = await presenceHeartbeatAction({ topic }).catch(() => null);
      if (alive && result?.ok) setViewers(result.viewers);
    };
    // keepalive: the departure must outlive the page that sends it.
    const leave = () =>
      void fetch("/api/presence/leave", { method: "POST", keepalive: true, headers: { "content-type": "application/json" }, body: JSON.stringify({ topic }) }).catch(() => null);
    const start = () => {
      if (timer) return;
      void beat();
      timer = setInterval(beat, PRESENCE_HEARTBEAT_MS);
    };
    const stop = () => {
      if (timer) clearInterval(timer);
      timer = null;
    };
    const onVisibility = () => (document.visibilityState === "visible" ? start() : stop());
    onVisibility();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", leave);
    return () => {
      alive = false;
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [topic]);

  return (
    <section aria-label={labels.heading} aria-live="polite" className="flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="presence">
      {viewers.length === 0 ? (
        <span className="text-slate-500">{labels.alone}</span>
      ) : (
        <>
          <span>{labels.others}</span>
          <ul className="flex flex-wrap gap-1.5">
            {viewers.map((viewer) => (
              <li key={viewer.id} className="inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-2.5 py-0.5 text-emerald-800 ring-1 ring-emerald-200">
                <span aria-hidden className="size-1.5 rounded-full bg-emerald-500" />
                {viewer.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
