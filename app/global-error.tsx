"use client";

import { useEffect } from "react";
import { common as en } from "@/lib/i18n/messages/en/common";
import { common as ko } from "@/lib/i18n/messages/ko/common";
import "./globals.css";

// The root layout (and with it the reader's language) is gone when this renders, so the message
// is shown in both languages, Korean first. Only the two small `common` catalogs are bundled.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="ko">
      <body>
        <main id="main" className="mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-6 px-6">
          {[ko, en].map((m, i) => (
            <section key={i} lang={i === 0 ? "ko" : "en"} className="space-y-2">
              <h1 className="text-xl font-semibold">{m.errorTitle}</h1>
              <p className="text-slate-600">{m.errorBody}</p>
              {digest ? <p className="font-mono text-xs text-slate-500">{m.errorReference.replace("{digest}", digest)}</p> : null}
            </section>
          ))}
          <div>
            <button
              type="button"
              onClick={() => retry()}
              className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
            >
              {ko.retry} · {en.retry}
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
