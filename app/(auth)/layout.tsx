import type { ReactNode } from "react";
import { getT } from "@/lib/i18n/server";

/** Pages for visitors without a session: one centered card, no workspace navigation. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getT();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight text-slate-900">{t("common.appName")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
