"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { concernsPage } from "./live-store";

const REFRESH_DEBOUNCE_MS = 150;

/**
 * The page's live connection (`/api/live`, Server-Sent Events). EventSource reconnects by itself
 * and sends Last-Event-ID, so the server replays what was missed (or says `refresh`). A change to
 * something this page shows, or to the user's own notifications (unread count), refreshes the
 * server-rendered page in place: no reload, form input kept.
 */
export function LiveUpdates({ userId }: { userId: string }) {
  const router = useRouter();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        router.refresh();
      }, REFRESH_DEBOUNCE_MS);
    };
    const source = new EventSource("/api/live");
    source.addEventListener("change", (message) => {
      try {
        const event = JSON.parse((message as MessageEvent<string>).data) as { entityType: string; entityId: string };
        if ((event.entityType === "user" && event.entityId === userId) || concernsPage(event)) refresh();
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
