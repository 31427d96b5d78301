import type { Metadata } from "next";
import Link from "next/link";
import { GenerateReportForm } from "@/components/reports/generate-report-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { presetPeriod } from "@/lib/reports/period";
import { lastReportEnd } from "@/lib/reports/queries";
import { locales, reportSections } from "@/lib/vocab";
import { generateReportAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("reports.newTitle") };
}

export default async function NewReportPage() {
  const actor = await requireActor("/reports/new");
  const t = await getT();
  if (!can(actor.role, "reports.generate")) {
    return (
      <div>
        <PageHeader title={t("reports.newTitle")} />
        <EmptyState title={t("common.forbidden")}>
          <Link href="/reports">{t("reports.backToList")}</Link>
        </EmptyState>
      </div>
    );
  }
  const lastReportTo = await lastReportEnd();
  const sinceLast = presetPeriod("since_last_report", { lastReportTo });
  return (
    <div className="max-w-3xl">
      <p className="mb-3 text-sm">
        <Link href="/reports">← {t("reports.backToList")}</Link>
      </p>
      <PageHeader title={t("reports.newTitle")} intro={t("reports.newIntro")} />
      <GenerateReportForm
        action={generateReportAction}
        presets={[
          { key: "last_7_days", label: t("reports.presetLast7"), period: presetPeriod("last_7_days") },
          { key: "last_month", label: t("reports.presetLastMonth"), period: presetPeriod("last_month") },
          { key: "since_last_report", label: sinceLast ? t("reports.presetSinceLast") : t("reports.presetSinceLastNone"), period: sinceLast },
        ]}
        sections={reportSections.map((value) => ({ value, label: t(`reports.section.${value}`) }))}
        languages={locales.map((value) => ({ value, label: t(value === "ko" ? "common.languageKo" : "common.languageEn") }))}
        defaultLanguage={actor.locale}
        labels={{
          title: t("reports.fieldTitle"),
          titleHint: t("reports.titleHint"),
          from: t("reports.from"),
          to: t("reports.to"),
          presets: t("reports.presets"),
          sections: t("reports.sections"),
          language: t("reports.language"),
          languageHint: t("reports.languageHint"),
          generate: t("reports.generate"),
          generating: t("reports.generating"),
        }}
      />
    </div>
  );
}
