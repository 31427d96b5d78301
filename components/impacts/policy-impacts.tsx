import Link from "next/link";
import { ActionForm } from "@/components/response-items/action-form";
import { ItemStatusBadge } from "@/components/response-items/item-badges";
import { inputClass } from "@/components/ui/form";
import { ImpactReview } from "./impact-review";
import { createImpactAction, removeImpactAction } from "@/app/actions/impacts";
import { actorCan } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { impactsForPolicy, proposeImpacts } from "@/lib/impacts/queries";
import { IMPACT_NOTE_MAX } from "@/lib/response-items/schemas";

/**
 * For the policy page: the response items this policy affects (with notes and review state;
 * editors may unlink) and, for editors, the proposed items — those sharing the policy's framework
 * nodes, most shared first — each confirmed with one click and an optional note.
 */
export async function PolicyImpacts({ policyId }: { policyId: string }) {
  const [t, locale, canEdit, impacts] = await Promise.all([getT(), getLocale(), actorCan("impacts.edit"), impactsForPolicy(policyId)]);
  const proposals = canEdit ? await proposeImpacts(policyId) : [];

  return (
    <div className="space-y-5">
      <section aria-labelledby="policy-impacts" className="space-y-2">
        <h2 id="policy-impacts" className="text-lg font-semibold">
          {t("items.affectsItems")}
        </h2>
        {impacts.length === 0 ? (
          <p className="text-sm text-slate-500">{t("items.affectsItemsEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {impacts.map((impact) => (
              <li key={impact.id} className="space-y-1 px-4 py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="text-slate-500 tabular-nums">{t("items.itemNumber", { number: impact.itemNumber })}</span>
                  <Link href={`/response-items/${impact.itemId}`} lang="ko" className="font-medium">
                    {impact.itemTitle}
                  </Link>
                  <ItemStatusBadge status={impact.itemStatus} label={t(`vocab.itemStatus.${impact.itemStatus}`)} />
                  <ImpactReview impact={impact} t={t} locale={locale} />
                </p>
                {impact.note ? <p className="whitespace-pre-wrap text-slate-700">{impact.note}</p> : null}
                {canEdit ? (
                  <ActionForm action={removeImpactAction} submitLabel={t("items.removeImpact")} tone="danger" inline className="flex items-center gap-2">
                    <input type="hidden" name="impactId" value={impact.id} />
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canEdit ? (
        <section aria-labelledby="policy-proposals" className="space-y-2">
          <h2 id="policy-proposals" className="text-lg font-semibold">
            {t("items.proposals")}
          </h2>
          <p className="text-sm text-slate-600">{t("items.proposalsHint")}</p>
          {proposals.length === 0 ? (
            <p className="text-sm text-slate-500">{t("items.proposalsEmpty")}</p>
          ) : (
            <ul className="space-y-2">
              {proposals.map((p) => (
                <li key={p.itemId} data-proposal={p.itemId} className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="text-slate-500 tabular-nums">{t("items.itemNumber", { number: p.number })}</span>
                    <Link href={`/response-items/${p.itemId}`} lang="ko" className="font-medium">
                      {p.title}
                    </Link>
                    <ItemStatusBadge status={p.status} label={t(`vocab.itemStatus.${p.status}`)} />
                  </p>
                  <p className="mt-0.5 text-xs text-slate-600">{t("items.sharedNodes", { count: p.sharedNodes, labels: p.sharedLabels.join(", ") })}</p>
                  <ActionForm
                    action={createImpactAction}
                    submitLabel={t("items.confirmImpact")}
                    successLabel={t("items.impactConfirmed")}
                    fieldLabels={{ note: t("items.impactNote") }}
                    inline
                    className="mt-2 flex flex-wrap items-center gap-2"
                  >
                    <input type="hidden" name="policyId" value={policyId} />
                    <input type="hidden" name="responseItemId" value={p.itemId} />
                    <label htmlFor={`note-${p.itemId}`} className="sr-only">
                      {t("items.impactNoteOptional")}
                    </label>
                    <input
                      id={`note-${p.itemId}`}
                      name="note"
                      maxLength={IMPACT_NOTE_MAX}
                      placeholder={t("items.impactNoteOptional")}
                      className={`${inputClass} w-auto min-w-0 flex-1 py-1`}
                    />
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
