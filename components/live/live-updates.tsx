"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { concernsPage } from "./live-store";

const REFRESH_DEBOUNCE_MS = 150;
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

/**
 * The page's live connection (`/api/live`, Server-Sent Events). EventSource reconnects by itself
 * and sends Last-Event-ID, so the server replays what was missed (or says `refresh`). A change to
 * something this page shows, or to the user's own notifications (unread count), refreshes the
 * server-rendered page in place: no reload, nothing typed lost, focus and scroll kept. A burst
 * of events (an import) is one refresh; when it has rendered, the changed rows are marked.
 */
export function LiveUpdates({ userId }: { userId: string }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
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
      timer = setTimeout(() => {
        timer = null;
        startTransition(() => router.refresh());
      }, REFRESH_DEBOUNCE_MS);
    };
    const source = new EventSource("/api/live");
    source.addEventListener("change", (message) => {
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
    });
    source.addEventListener("refresh", refresh);
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [router, userId]);
  return null;
}
