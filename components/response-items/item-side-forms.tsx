import { ActionForm } from "@/components/response-items/action-form";
import { DraftTextarea } from "@/components/live/drafts";
import { inputClass } from "@/components/ui/form";
import {
  addProgressUpdateAction,
  archiveResponseItemAction,
  assignOwnerAction,
  unarchiveResponseItemAction,
} from "@/app/(workspace)/response-items/actions";
import type { Translate } from "@/lib/i18n/catalog";
import type { ImpactView } from "@/lib/impacts/queries";
import type { OwnerOption } from "@/lib/response-items/queries";
import { UPDATE_BODY_MAX } from "@/lib/response-items/schemas";
import { type ItemStatus, itemStatuses } from "@/lib/vocab";

/** Assigning the owner (editors): any active editor or admin, or nobody. */
export function AssignOwnerForm({ itemId, version, ownerId, owners, t }: { itemId: string; version: number; ownerId: string | null; owners: OwnerOption[]; t: Translate }) {
  return (
    <ActionForm
      action={assignOwnerAction}
      version={version}
      submitLabel={t("items.assign")}
      successLabel={t("items.assigned")}
      fieldLabels={{ ownerId: t("items.owner") }}
      tone="secondary"
      inline
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="id" value={itemId} />
      <label htmlFor="assign-owner" className="sr-only">
        {t("items.owner_assign")}
      </label>
      <select id="assign-owner" name="ownerId" defaultValue={ownerId ?? ""} className={`${inputClass} w-auto py-1 text-sm`}>
        <option value="">{t("items.noOwnerOption")}</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.displayName}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}

/**
 * A progress update: text, a status (moving to blocked needs the text as the reason), and the
 * open impacts it reviews (all ticked by default).
 */
export function ProgressUpdateForm({ itemId, version, status, openImpacts, t }: { itemId: string; version: number; status: ItemStatus; openImpacts: ImpactView[]; t: Translate }) {
  return (
    <ActionForm
      action={addProgressUpdateAction}
      version={version}
      submitLabel={t("items.postUpdate")}
      successLabel={t("items.updatePosted")}
      fieldLabels={{ body: t("items.updateBody"), status: t("items.newStatus") }}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <input type="hidden" name="id" value={itemId} />
      <label className="block space-y-1 text-sm">
        <span className="block font-medium">{t("items.newStatus")}</span>
        <select name="status" defaultValue={status} className={`${inputClass} sm:w-60`}>
          {itemStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`vocab.itemStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="space-y-1 text-sm">
        <label htmlFor="update-body" className="block font-medium">
          {t("items.updateBody")}
        </label>
        <DraftTextarea draft={`progress:${itemId}`} id="update-body" name="body" rows={3} maxLength={UPDATE_BODY_MAX} aria-describedby="update-body-hint" className={inputClass} />
        <p id="update-body-hint" className="text-xs text-slate-500">
          {t("items.updateBodyHint")}
        </p>
      </div>
      {openImpacts.length ? (
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">{t("items.acknowledge")}</legend>
          {openImpacts.map((impact) => (
            <label key={impact.id} className="flex items-start gap-2">
              <input type="checkbox" name="acknowledgeImpactIds" value={impact.id} defaultChecked className="mt-0.5 size-4" />
              <span lang="ko">{impact.policyTitleKo}</span>
            </label>
          ))}
          <p className="text-xs text-slate-500">{t("items.acknowledgeHint")}</p>
        </fieldset>
      ) : null}
    </ActionForm>
  );
}

/** Archive (or, for an archived item, restore). */
export function ArchiveItemForm({ itemId, version, archived, t }: { itemId: string; version: number; archived: boolean; t: Translate }) {
  return (
    <ActionForm
      action={archived ? unarchiveResponseItemAction : archiveResponseItemAction}
      submitLabel={t(archived ? "items.unarchive" : "items.archive")}
      tone={archived ? "secondary" : "danger"}
      inline
      className="flex items-center gap-2"
    >
      <input type="hidden" name="id" value={itemId} />
      <input type="hidden" name="version" value={version} />
    </ActionForm>
  );
}
