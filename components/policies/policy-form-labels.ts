import type { Translate } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/vocab";

/** Every word the policy form shows, translated on the server and handed to the client form. */
export function policyFormLabels(t: Translate, locale: Locale) {
  return {
    locale,
    archivedNode: t("framework.archivedSuffix"),
    titleZh: t("policies.titleZh"),
    titleKo: t("policies.titleKo"),
    titleEn: t("policies.titleEn"),
    optional: t("policies.optional"),
    documentNumber: t("policies.documentNumber"),
    instrumentType: t("policies.instrumentType"),
    status: t("policies.status"),
    announcedOn: t("policies.announcedOn"),
    announcedPrecision: t("policies.announcedPrecision"),
    precisionDay: t("policies.precisionDay"),
    precisionMonth: t("policies.precisionMonth"),
    effectiveOn: t("policies.effectiveOn"),
    sourceUrl: t("policies.sourceUrl"),
    lastCheckedOn: t("policies.lastCheckedOn"),
    significance: t("policies.significance"),
    relation: t("policies.relation"),
    noRelation: t("policies.noRelation"),
    summary: t("policies.summary"),
    pickNodes: t("policies.pickNodes"),
    save: t("policies.save"),
    saving: t("policies.saving"),
    saveAnyway: t("policies.saveAnyway"),
    cancel: t("common.cancel"),
    duplicatesTitle: t("policies.duplicatesTitle"),
    duplicatesHint: t("policies.duplicatesHint"),
    duplicateByNumber: t("policies.duplicateByNumber"),
    duplicateByTitle: t("policies.duplicateByTitle"),
    conflictHint: t("policies.conflictHint"),
    viewHistory: t("policies.viewHistory"),
    reload: t("policies.reload"),
    bodies: {
      legend: t("policies.issuingBodies"),
      pick: t("policies.pickBodies"),
      add: t("policies.newBodies"),
      newZh: t("policies.newBodyZh"),
      newKo: t("policies.newBodyKo"),
      addButton: t("policies.addBody"),
      remove: t("policies.removeBody", { name: "{name}" }),
    },
    passages: {
      legend: t("policies.passages"),
      hint: t("policies.passagePickerHint"),
      add: t("policies.addPassage"),
      remove: t("policies.removePassage"),
      noSelection: t("policies.noSelection"),
      briefText: t("policies.briefText"),
      noBrief: t("policies.noBrief"),
    },
  };
}

export type PolicyFormLabels = ReturnType<typeof policyFormLabels>;
