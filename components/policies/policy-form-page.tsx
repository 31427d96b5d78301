import { editorLabels } from "@/lib/editor/labels";
import { getLocale, getT } from "@/lib/i18n/server";
import { getBriefPlainText, listFrameworkOptions, listIssuingBodies } from "@/lib/policies/form-queries";
import { briefRelations, instrumentTypes, policyStatuses, priorities } from "@/lib/vocab";
import { type AnySaveAction, PolicyForm, type PolicyFormValues, type SaveAction } from "./policy-form";
import { policyFormLabels } from "./policy-form-labels";


/** The log/edit form with everything it picks from, loaded on the server. */
export async function PolicyFormSection({
  action,
  values,
  guessed,
  unknownBodies,
}: {
  action: AnySaveAction;
  values: PolicyFormValues;
  /** Fields filled from the policy's page, shown as guesses. */
  guessed?: string[];
  /** Issuers named on the page that match no known body, offered for creation. */
  unknownBodies?: string[];
}) {
  const [t, locale, dimensions, bodies, brief] = await Promise.all([getT(), getLocale(), listFrameworkOptions(values.nodeIds), listIssuingBodies(), getBriefPlainText()]);
  return (
    <PolicyForm
      action={action as unknown as SaveAction}
      values={values}
      options={{
        instrumentTypes: instrumentTypes.map((v) => ({ value: v, label: t(`vocab.instrument.${v}`) })),
        statuses: policyStatuses.map((v) => ({ value: v, label: t(`vocab.policyStatus.${v}`) })),
        priorities: priorities.map((v) => ({ value: v, label: t(`vocab.priority.${v}`) })),
        relations: briefRelations.map((v) => ({ value: v, label: t(`vocab.relation.${v}`) })),
      }}
      dimensions={dimensions}
      bodies={bodies}
      brief={brief ? { text: brief.text } : null}
      labels={policyFormLabels(t, locale)}
      editorLabels={editorLabels(t)}
      guesses={guessed?.length ? { fields: guessed, label: t("intake.guess"), unknownBodies } : undefined}
    />
  );
}

/** What a 403 looks like for someone who may read but not edit policies. */
export async function PolicyEditForbidden() {
  const t = await getT();
  return (
    <div className="mx-auto max-w-2xl py-12">
      <p className="text-sm font-medium text-slate-500">403</p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("policies.forbiddenTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("policies.forbiddenBody")}</p>
    </div>
  );
}
