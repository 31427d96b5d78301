import Link from "next/link";
import { getT } from "@/lib/i18n/server";

/** 404 for addresses outside the workspace shell (unknown top-level paths). */
export default async function NotFound() {
  const t = await getT();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-3 px-6">
      <p className="text-sm font-medium text-slate-500">404</p>
      <h1 className="text-2xl font-semibold">{t("common.notFoundTitle")}</h1>
      <p className="text-slate-600">{t("common.notFoundBody")}</p>
      <p>
        <Link href="/">{t("common.backHome")}</Link>
      </p>
    </main>
  );
}
