import Link from "next/link";
import { getT } from "@/lib/i18n/server";

/** 404 inside the workspace (unknown or deleted policy, item…): the shell stays. */
export default async function WorkspaceNotFound() {
  const t = await getT();
  return (
    <div className="max-w-xl space-y-3 py-10">
      <p className="text-sm font-medium text-slate-500">404</p>
      <h1 className="text-xl font-semibold">{t("common.notFoundTitle")}</h1>
      <p className="text-slate-600">{t("common.notFoundBody")}</p>
      <p>
        <Link href="/">{t("common.backHome")}</Link>
      </p>
    </div>
  );
}
