import type { Metadata } from "next";
import Link from "next/link";
import { SourceForm } from "@/components/intake/source-form";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { DEFAULT_INTERVAL_MINUTES } from "@/lib/intake/schemas";
import { sourceKinds } from "@/lib/vocab";
import { createSourceAction, testSourceAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("intake.newSourceTitle") };
}

export default async function NewSourcePage() {
  const actor = await requireActor("/intake/sources/new");
  const [t, locale] = await Promise.all([getT(), getLocale()]);

  // The actions check this too; the page only spares viewers a form that would be refused.
  if (!can(actor.role, "intake.manage")) {
    return (
      <div className="mx-auto max-w-2xl py-12">
        <p className="text-sm font-medium text-slate-600">403</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("intake.forbiddenTitle")}</h1>
        <p className="mt-3 text-slate-700">{t("intake.forbiddenBody")}</p>
        <p className="mt-6 text-sm"><Link href="/intake/sources">{t("intake.sourcesTitle")}</Link></p>
      </div>
    );
  }

  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm"><Link href="/intake/sources">← {t("intake.sourcesTitle")}</Link></p>
      <h1 className="text-2xl font-semibold">{t("intake.newSourceTitle")}</h1>
      <SourceForm
        save={createSourceAction}
        test={testSourceAction}
        locale={locale}
        values={{
          name: "",
          url: "",
          kind: "rss",
          linkSelector: "",
          titleSelector: "",
          dateSelector: "",
          intervalMinutes: String(DEFAULT_INTERVAL_MINUTES),
          enabled: true,
        }}
        kinds={sourceKinds.map((value) => ({ value, label: t(`vocab.sourceKind.${value}`) }))}
        labels={{
          name: t("intake.name"),
          url: t("intake.url"),
          kind: t("intake.kind"),
          linkSelector: t("intake.linkSelector"),
          linkSelectorHint: t("intake.linkSelectorHint"),
          titleSelector: t("intake.titleSelector"),
          dateSelector: t("intake.dateSelector"),
          selectorsLegend: t("intake.selectorsLegend"),
          interval: t("intake.interval"),
          intervalHint: t("intake.intervalHint"),
          enabled: t("intake.enabled"),
          save: t("intake.save"),
          saving: t("intake.saving"),
          cancel: t("intake.cancel"),
          test: t("intake.test"),
          testing: t("intake.testing"),
          testHint: t("intake.testHint"),
          // Templates: the form fills in the preview's numbers.
          previewTitle: t("intake.previewTitle"),
          previewCharset: t("intake.previewCharset"),
          previewEmpty: t("intake.previewEmpty"),
          previewSuggestions: t("intake.previewSuggestions"),
          useSelector: t("intake.useSelector"),
        }}
      />
    </div>
  );
}
