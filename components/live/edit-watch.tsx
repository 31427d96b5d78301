"use client";

import { useState } from "react";
import { fill, useMessages } from "@/components/i18n/messages-provider";

export type LastChange = { byId: string | null; by: string | null; at: string } | null;

/**
 * On an edit screen: "<name> just saved" once someone else saves the record after I opened it
 * (the page is refreshed by the live event; what I typed stays, and my save will merge).
 */
export function EditWatch({ change, viewerId }: { change: LastChange; viewerId: string }) {
  const m = useMessages("live");
  const [openedAt] = useState(change?.at ?? null);
  if (!change || change.at === openedAt || change.byId === viewerId) return null;
  return (
    <p role="status" data-testid="saved-by-other" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
      {fill(m.savedByOther, { name: change.by ?? m.someone })}
    </p>
  );
}
