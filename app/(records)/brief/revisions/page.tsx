import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { requireActor } from "@/lib/auth/session";
import { getCurrentBrief, listRevisions } from "@/lib/brief/queries";
import { formatDateTime, isoDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("revisions.title") };
}

export default async function RevisionsPage() {
  await requireActor("/brief/revisions");
  const [t, locale, brief] = await Promise.all([getT(), getLocale(), getCurrentBrief()]);
  if (!brief) notFound();
  const revisions = await listRevisions(brief.id);
  const th = "px-3 py-2 text-left text-xs font-medium text-slate-500";
  return (
    <div className="space-y-4">
      <PageHeader title={t("revisions.title")} intro={t("revisions.intro")} meta={<Link href="/brief">← {t("revisions.backToCurrent")}</Link>} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead>
            <tr>
              <th className={th}>{t("revisions.title")}</th>
              <th className={th}>{t("revisions.date")}</th>
              <th className={th}>{t("revisions.author")}</th>
              <th className={th}>{t("revisions.note")}</th>
              <th className={th}>
                <span className="sr-only">{t("revisions.read")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {revisions.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2 whitespace-nowrap">
                  {t("revisions.number", { number: r.number })} {r.id === brief.revision?.id ? <Badge tone="green">{t("revisions.current")}</Badge> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <time dateTime={isoDateTime(r.createdAt)}>{formatDateTime(r.createdAt, locale)}</time>
                </td>
                <td className="px-3 py-2">{r.authorName ?? "—"}</td>
                <td className="px-3 py-2">{r.note ?? <span className="text-slate-500">{t("revisions.noNote")}</span>}</td>
                <td className="space-x-3 px-3 py-2 whitespace-nowrap">
                  <Link href={r.id === brief.revision?.id ? "/brief" : `/brief/revisions/${r.number}`}>{t("revisions.read")}</Link>
                  {r.number > 1 ? <Link href={`/brief/revisions/${r.number}/compare`}>{t("revisions.compare")}</Link> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
