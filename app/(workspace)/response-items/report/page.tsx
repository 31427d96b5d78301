import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/ui/print-button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireActor } from "@/lib/auth/session";
import { formatDate, formatDateTime, todayIn } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { REPORT_COLUMNS } from "@/lib/response-items/csv";
import { listResponseItems } from "@/lib/response-items/queries";
import { isOverdue } from "@/lib/response-items/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("items.reportTitle") };
}

// On paper only the report: the shell's header and navigation are left out.
const printCss = `@media print {
  body > div header, body > div nav, .skip-link { display: none !important; }
  body > div > div { display: block !important; }
  main { padding: 0 !important; }
  @page { size: A4 landscape; margin: 12mm; }
  tr { break-inside: avoid; }
}`;

const th = "border-b border-slate-300 px-2 py-1.5 text-left text-xs font-semibold";
const td = "border-b border-slate-200 px-2 py-1.5 align-top";

export default async function ResponseItemsReportPage() {
  await requireActor("/response-items/report");
  const [t, locale, items] = await Promise.all([getT(), getLocale(), listResponseItems()]);
  const today = todayIn();

  return (
    <div className="space-y-4">
      <style>{printCss}</style>
      <p className="text-sm print:hidden">
        <Link href="/response-items">← {t("items.backToList")}</Link>
      </p>
      <header className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("items.reportTitle")}</h1>
          <p className="text-sm text-slate-600">{t("items.reportGenerated", { date: formatDateTime(new Date(), locale) })}</p>
        </div>
        <PrintButton label={t("items.print")} />
      </header>
      {items.length === 0 ? (
        <EmptyState title={t("items.empty")} />
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr>
              {REPORT_COLUMNS.map((key) => (
                <th key={key} scope="col" className={th}>
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td className={`${td} tabular-nums`}>{t("items.itemNumber", { number: item.number })}</td>
                <td className={td} lang="ko">{item.title}</td>
                <td className={`${td} whitespace-nowrap`}>{item.ownerName ?? t("items.unassigned")}</td>
                <td className={`${td} whitespace-nowrap`}>{t(`vocab.itemStatus.${item.status}`)}</td>
                <td className={`${td} whitespace-nowrap`}>{t(`vocab.priority.${item.priority}`)}</td>
                <td className={`${td} whitespace-nowrap tabular-nums`}>
                  {item.dueOn ? formatDate(item.dueOn, locale) : "—"}
                  {isOverdue(item, today) ? <strong className="ml-1 text-red-700">({t("items.overdue")})</strong> : null}
                </td>
                <td className={`${td} whitespace-nowrap tabular-nums`}>{item.lastUpdateAt ? formatDate(item.lastUpdateAt, locale) : "—"}</td>
                <td className={`${td} tabular-nums`}>{item.openImpacts > 0 ? <strong>{item.openImpacts}</strong> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
