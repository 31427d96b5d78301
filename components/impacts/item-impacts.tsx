import Link from "next/link";
import { ActionForm } from "@/components/response-items/action-form";
import { inputClass } from "@/components/ui/form";
import { ImpactReview } from "./impact-review";
import { createImpactAction, removeImpactAction } from "@/app/actions/impacts";
import { formatDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import { type ImpactView, LINKABLE_POLICIES, type PolicyOption } from "@/lib/impacts/queries";
import { IMPACT_NOTE_MAX } from "@/lib/response-items/schemas";
import type { Locale } from "@/lib/vocab";

/** Impacts listed at first; the rest on `allHref`. */
export const IMPACTS_SHOWN = 20;

/**
 * The policies affecting an item (live first, removed ones kept as history) and, for editors,
 * linking one. Without `showAll`, the first 20 are listed and the rest are one link away.
 */
export function ItemImpacts({
  itemId,
  impacts: all,
  linkable,
  canEdit,
  allHref,
  showAll,
  t,
  locale,
}: {
  itemId: string;
  impacts: ImpactView[];
  linkable: PolicyOption[];
  canEdit: boolean;
  allHref: string;
  showAll: boolean;
  t: Translate;
  locale: Locale;
}) {
  const impacts = showAll ? all : all.slice(0, IMPACTS_SHOWN);
  return (
    <div className="space-y-3">
      {impacts.length === 0 ? (
        <p className="text-sm text-slate-500">{t("items.linkedPoliciesEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {impacts.map((impact) => (
            <li key={impact.id} className={`space-y-1 px-4 py-3 text-sm ${impact.removedAt ? "text-slate-500" : ""}`}>
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/policies/${impact.policyId}`} lang="ko" className={`font-medium ${impact.removedAt ? "line-through" : ""}`}>
                  {impact.policyTitleKo}
                </Link>
                {impact.removedAt ? (
                  <span className="text-xs">{t("items.removedImpact", { date: formatDateTime(impact.removedAt, locale) })}</span>
                ) : (
                  <ImpactReview impact={impact} t={t} locale={locale} />
                )}
              </p>
              {impact.note ? <p className="whitespace-pre-wrap text-slate-700">{impact.note}</p> : null}
              <p className="text-xs text-slate-500">
                {impact.createdByName} · {formatDateTime(impact.createdAt, locale)}
              </p>
              {canEdit && !impact.removedAt ? (
                <ActionForm action={removeImpactAction} submitLabel={t("items.removeImpact")} tone="danger" inline className="flex items-center gap-2">
                  <input type="hidden" name="impactId" value={impact.id} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {impacts.length < all.length ? (
        <p className="text-sm">
          <Link href={allHref}>{t("items.allImpacts", { count: all.length })}</Link>
        </p>
      ) : null}
      {canEdit ? (
        linkable.length === 0 ? (
          <p className="text-sm text-slate-500">{t("items.noLinkablePolicies")}</p>
        ) : (
          <details className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <summary className="cursor-pointer text-sm font-medium">{t("items.linkPolicy")}</summary>
            <ActionForm
              action={createImpactAction}
              submitLabel={t("items.link")}
              successLabel={t("items.linked")}
              fieldLabels={{ policyId: t("items.pickPolicy"), note: t("items.impactNote") }}
              className="mt-3 space-y-3"
            >
              <input type="hidden" name="responseItemId" value={itemId} />
              <label className="block space-y-1 text-sm">
                <span className="block font-medium">{t("items.pickPolicy")}</span>
                <select name="policyId" required defaultValue="" className={inputClass}>
                  <option value="" disabled>
                    {t("items.pickPolicyPlaceholder")}
                  </option>
                  {linkable.map((p, i) => (
                    <option key={i} value={p.id} lang="ko">
                      {p.titleKo}
                      {p.announcedOn ? ` (${p.announcedOn.slice(0, 7)})` : ""}
                    </option>
                  ))}
                </select>
                {linkable.length >= LINKABLE_POLICIES ? <span className="block text-xs text-slate-500">{t("items.linkableNewest", { count: LINKABLE_POLICIES })}</span> : null}
              </label>
              <label className="block space-y-1 text-sm">
                <span className="block font-medium">{t("items.impactNoteOptional")}</span>
                <textarea name="note" rows={2} maxLength={IMPACT_NOTE_MAX} className={inputClass} />
              </label>
            </ActionForm>
          </details>
        )
      ) : null}
    </div>
  );
}
