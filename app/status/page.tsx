import type { Metadata } from "next";
import { connection } from "next/server";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("common.statusTitle") };
}

/**
 * A public page that says whether the app and its database answer: the root layout and one
 * `select 1`, nothing else. It is also the benchmark's second ceiling (what any page costs before
 * it has a shell or data).
 */
export default async function StatusPage() {
  await connection();
  const t = await getT();
  let up = true;
  try {
    await getDatabase().db.execute(sql`select 1`);
  } catch {
    up = false;
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-xl font-semibold">{t("common.statusTitle")}</h1>
      <p role="status" className="mt-2 text-slate-700">
        {t(up ? "common.statusUp" : "common.statusDown")}
      </p>
    </main>
  );
}
