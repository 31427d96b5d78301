import type { Metadata } from "next";
import Link from "next/link";
import { LiveTopic } from "@/components/live/live-topic";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { formatDate, formatDateTime, isoDateTime } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { listReports } from "@/lib/reports/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("reports.title") };
}

export default async function ReportsPage() {
  const actor = await requireActor("/reports");
  const [t, reports] = await Promise.all([getT(), listReports()]);
  const canGenerate = can(actor.role, "reports.generate");
  return (
    <div className="space-y-6">
      <LiveTopic entityType="report" />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t("reports.title")} intro={t("reports.intro")} />
        {canGenerate ? (
          <Link href="/reports/new" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800 hover:no-underline">
            {t("reports.new")}
          </Link>
        ) : null}
      </div>
      {reports.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("reports.fieldTitle")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("reports.period")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("reports.language")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("reports.author")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("reports.generatedAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {reports.map((r) => (
                <tr key={r.id} data-testid="report-row" data-live-key={`report:${r.id}`}>
                  <td className="px-4 py-2">
                    <Link href={`/reports/${r.id}`}>{r.title}</Link>
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">{t("reports.periodValue", { from: formatDate(r.periodFrom, actor.locale), to: formatDate(r.periodTo, actor.locale) })}</td>
                  <td className="px-4 py-2">{t(r.language === "ko" ? "common.languageKo" : "common.languageEn")}</td>
                  <td className="px-4 py-2">{r.authorName ?? "—"}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <time dateTime={isoDateTime(r.generatedAt)}>{formatDateTime(r.generatedAt, actor.locale)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title={t("reports.empty")} hint={t(canGenerate ? "reports.emptyHint" : "reports.emptyViewer")}>
          {canGenerate ? <Link href="/reports/new">{t("reports.new")}</Link> : null}
        </EmptyState>
      )}
    </div>
  );
}
