import Link from "next/link";
import { getLocale, getT } from "@/lib/i18n/server";
import { sourceKinds } from "@/lib/vocab";
import { type SourceFormValues, SourceForm } from "./source-form";

type SaveAction = Parameters<typeof SourceForm>[0]["save"];
type TestAction = Parameters<typeof SourceForm>[0]["test"];

/** The add / edit source screen: its heading, and the form with its labels, on the server. */
export async function SourceFormPage({ title, values, save, test }: { title: string; values: SourceFormValues; save: SaveAction; test: TestAction }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm"><Link href="/intake/sources">← {t("intake.sourcesTitle")}</Link></p>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <SourceForm
        save={save}
        test={test}
        locale={locale}
        values={values}
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

/** What a viewer sees instead of a form the actions would refuse. */
export async function SourcesForbidden() {
  const t = await getT();
  return (
    <div className="mx-auto max-w-2xl py-12">
      <p className="text-sm font-medium text-slate-600">403</p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("intake.forbiddenTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("intake.forbiddenBody")}</p>
      <p className="mt-6 text-sm"><Link href="/intake/sources">{t("intake.sourcesTitle")}</Link></p>
    </div>
  );
}
