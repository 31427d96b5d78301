"use client";

import Link from "next/link";
import { useEffect } from "react";
import { fill, useMessages } from "@/components/i18n/messages-provider";

/** A workspace page failed: say so in the reader's language and offer to try again. */
export default function WorkspaceError({ error, retry }: { error: unknown; retry: () => void }) {
  const common = useMessages("common");
  const digest = error instanceof Error && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="max-w-xl space-y-3 py-10">
      <h1 className="text-xl font-semibold">{common.errorTitle}</h1>
      <p className="text-slate-600">{common.errorBody}</p>
      {digest ? <p className="font-mono text-xs text-slate-500">{fill(common.errorReference, { digest })}</p> : null}
      <div className="flex items-center gap-4 pt-2">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
        >
          {common.retry}
        </button>
        <Link href="/">{common.backHome}</Link>
      </div>
    </div>
  );
}
