"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useOptionalMessages } from "@/components/i18n/messages-provider";
import { concernsPage } from "./live-store";

const REFRESH_DEBOUNCE_MS = 150;
/** After the server refused the stream (too many open windows), try again this much later. */
const REOPEN_AFTER_MS = 30_000;
const MARK_MS = 2500;

/** Marks the rows and cards (`data-live-key="<type>:<id>"`) of what just changed, for a moment. */
function markChanged(keys: Iterable<string>) {
  for (const key of keys) {
    for (const element of document.querySelectorAll<HTMLElement>(`[data-live-key="${CSS.escape(key)}"]`)) {
      element.setAttribute("data-live-changed", "");
      setTimeout(() => element.removeAttribute("data-live-changed"), MARK_MS);
    }
  }
}

/** Whether this browser's session is still good: a refresh without one would become the sign-in page. */
async function sessionAlive(): Promise<boolean> {
  try {
    return (await fetch("/api/session", { cache: "no-store" })).status !== 401;
  } catch {
    return true; // the network, not the session: the refresh itself will tell
  }
}

/**
 * The page's live connection (`/api/live`, Server-Sent Events). EventSource reconnects by itself
 * and sends Last-Event-ID, so the server replays what was missed (or says `refresh`). A change to
 * something this page shows, or to the user's own notifications (unread count), refreshes the
 * server-rendered page in place: no reload, nothing typed lost, focus and scroll kept. A burst
 * of events (an import) is one refresh; when it has rendered, the changed rows are marked. When
 * the session has ended meanwhile, the page is not refreshed (that would replace it with the
 * sign-in page and lose what was typed): it says so instead.
 */
export function LiveUpdates({ userId }: { userId: string }) {
  const router = useRouter();
  const m = useOptionalMessages("live");
  const [refreshing, startTransition] = useTransition();
  const [signedOut, setSignedOut] = useState(false);
  const [paused, setPaused] = useState(false);
  const changed = useRef(new Set<string>());

  useEffect(() => {
    if (refreshing || changed.current.size === 0) return;
    const keys = changed.current;
    changed.current = new Set();
    markChanged(keys);
  }, [refreshing]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(async () => {
        if (!(await sessionAlive())) {
          timer = null;
          setSignedOut(true);
          return;
        }
        timer = null;
        setSignedOut(false);
        startTransition(() => router.refresh());
      }, REFRESH_DEBOUNCE_MS);
    };
    const onChange = (message: Event) => {
      try {
        const event = JSON.parse((message as MessageEvent<string>).data) as { entityType: string; entityId: string };
        if (event.entityType === "user" && event.entityId === userId) refresh();
        else if (concernsPage(event)) {
          changed.current.add(`${event.entityType}:${event.entityId}`);
          refresh();
        }
      } catch {
        /* malformed: ignore */
      }
    };
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    // EventSource retries a dropped connection by itself; it gives up only when the server answers
    // with an error: the session ended (the server closed the stream, then refused it), or this
    // user has too many windows open. The first is said at once; the second retried later.
    const open = () => {
      reopen = null;
      source = new EventSource("/api/live");
      source.addEventListener("open", () => setPaused(false));
      source.addEventListener("change", onChange);
      source.addEventListener("refresh", refresh);
      source.addEventListener("error", async () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        if (!(await sessionAlive())) {
          setSignedOut(true);
          return;
        }
        setPaused(true);
        reopen = setTimeout(open, REOPEN_AFTER_MS);
      });
    };
    open();
    return () => {
      source?.close();
      if (reopen) clearTimeout(reopen);
      if (timer) clearTimeout(timer);
    };
  }, [router, userId]);

  if (!m) return null;
  if (!signedOut && paused) {
    return (
      <p role="status" className="fixed bottom-2 right-2 z-40 rounded-md border border-slate-300 bg-white px-3 py-2 text-xs text-slate-700 shadow">
        {m.paused}
      </p>
    );
  }
  if (!signedOut) return null;
  return (
    <div role="alert" className="fixed inset-x-0 bottom-0 z-50 border-t border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 shadow-lg">
      <p className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-3 gap-y-1">
        <span>{m.signedOut}</span>
        <a href="/sign-in" target="_blank" rel="noopener" className="font-medium underline">
          {m.signInElsewhere}
        </a>
      </p>
    </div>
  );
}
