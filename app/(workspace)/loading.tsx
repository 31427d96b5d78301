"use client";

import { useMessages } from "@/components/i18n/messages-provider";

/** Shown while a workspace page loads. */
export default function Loading() {
  const common = useMessages("common");
  return (
    <div role="status" className="flex items-center gap-3 py-10 text-sm text-slate-500">
      <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-600" />
      {common.loading}
    </div>
  );
}
