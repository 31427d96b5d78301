import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportDocument } from "@/components/reports/report-document";
import { DeleteReportButton } from "@/components/reports/report-controls";
import { PrintButton } from "@/components/ui/print-button";
import { canDeleteReport } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { reportOutline } from "@/lib/reports/outline";
import { getReport } from "@/lib/reports/queries";
import { isUuid } from "@/lib/uuid";
import { deleteReportAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  return isUuid(id) ? getReport(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = await load((await params).id);
  return { title: report?.title ?? (await getT())("reports.title") };
}

/** A saved report as a print-ready page; the controls (print, downloads, delete) are not printed. */
export default async function ReportPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/reports/${id}`);
  const [t, report] = await Promise.all([getT(), load(id)]);
  if (!report) notFound();
  const blocks = reportOutline(report, report.content);
  return (
    <div className="space-y-6">
      <div data-print="hide" className="flex flex-wrap items-center gap-3 border-b border-slate-200 pb-4">
        <Link href="/reports" className="mr-auto text-sm">← {t("reports.backToList")}</Link>
        <PrintButton label={t("reports.print")} />
        <a href={`/api/reports/${report.id}.docx`} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 no-underline hover:bg-slate-50 hover:no-underline">
          {t("reports.downloadDocx")}
        </a>
        <a href={`/api/reports/${report.id}.md`} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 no-underline hover:bg-slate-50 hover:no-underline">
          {t("reports.downloadMarkdown")}
        </a>
        {canDeleteReport(actor, report) ? <DeleteReportButton action={deleteReportAction} id={report.id} labels={{ delete: t("reports.delete"), deleting: t("reports.deleting") }} /> : null}
        <p className="basis-full text-xs text-slate-500">{t("reports.printHint")}</p>
      </div>
      <div lang={report.language}>
        <ReportDocument blocks={blocks} pageLabel={translator(report.language)("reports.page")} />
      </div>
    </div>
  );
}
