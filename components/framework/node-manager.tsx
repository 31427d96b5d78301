import Link from "next/link";
import { inputClass } from "@/components/ui/form";
import type { FrameworkDimensionView, FrameworkNodeView } from "@/lib/framework/queries";
import type { Translate } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/vocab";
import { ActionForm } from "./action-form";
import { nodeLabel } from "./node-chips";

type AnyAction = Parameters<typeof ActionForm>[0]["action"];
export type NodeActions = { update: AnyAction; move: AnyAction; merge: AnyAction; archive: AnyAction; remove: AnyAction; add: AnyAction };

const small = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50";
const label = "block text-xs font-medium text-slate-600";

/**
 * An editor's controls for one node, behind "manage" (one node at a time, through `?manage=<id>`,
 * so a framework of hundreds of nodes does not carry every node's forms): reorder,
 * rename/describe, merge, archive, delete (unused only).
 */
export function NodeControls({
  node,
  siblings,
  first,
  last,
  open,
  actions,
  t,
  locale,
}: {
  node: FrameworkNodeView;
  siblings: FrameworkNodeView[];
  first: boolean;
  last: boolean;
  /** The "manage" panel is open on this node. */
  open: boolean;
  actions: NodeActions;
  t: Translate;
  locale: Locale;
}) {
  const name = nodeLabel(node, locale);
  const inUse = node.policyCount + node.itemCount > 0;
  if (!open) {
    return (
      <Link href={`/framework?manage=${node.id}#node-${node.id}`} scroll={false} className="text-xs">
        {t("framework.manage")}
        <span className="sr-only"> ({name})</span>
      </Link>
    );
  }
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <Link href={`/framework#node-${node.id}`} scroll={false} className="text-xs">
        {t("framework.closeManage")}
      </Link>
      <ActionForm action={actions.move} className="flex gap-1">
        <input type="hidden" name="id" value={node.id} />
        <button name="direction" value="up" disabled={first} className="btn-xs" aria-label={t("framework.moveUpLabel", { node: name })}>↑</button>
        <button name="direction" value="down" disabled={last} className="btn-xs" aria-label={t("framework.moveDownLabel", { node: name })}>↓</button>
      </ActionForm>
      <ActionForm action={actions.update} className="grid gap-2 sm:grid-cols-2">
        <input type="hidden" name="id" value={node.id} />
        <input type="hidden" name="version" value={node.version} />
        <div>
          <label htmlFor={`ko-${node.id}`} className={label}>{t("framework.labelKo")}</label>
          <input id={`ko-${node.id}`} name="labelKo" defaultValue={node.labelKo} required lang="ko" className={inputClass} />
        </div>
        <div>
          <label htmlFor={`en-${node.id}`} className={label}>{t("framework.labelEn")}</label>
          <input id={`en-${node.id}`} name="labelEn" defaultValue={node.labelEn} required lang="en" className={inputClass} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`desc-${node.id}`} className={label}>{t("framework.description")}</label>
          <textarea id={`desc-${node.id}`} name="description" defaultValue={node.description ?? ""} rows={2} className={inputClass} />
        </div>
        <div><button className={small}>{t("framework.save")}</button></div>
      </ActionForm>
      {siblings.length ? (
        <ActionForm action={actions.merge} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="id" value={node.id} />
          <div>
            <label htmlFor={`merge-${node.id}`} className={label}>{t("framework.mergeInto")}</label>
            <select id={`merge-${node.id}`} name="intoId" className={`${inputClass} py-1`}>
              {siblings.map((s) => <option key={s.id} value={s.id}>{nodeLabel(s, locale)}</option>)}
            </select>
          </div>
          <button className={small}>{t("framework.merge")}</button>
        </ActionForm>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <ActionForm action={actions.archive}>
          <input type="hidden" name="id" value={node.id} />
          <button className={small}>{t("framework.archive")}</button>
        </ActionForm>
        <ActionForm action={actions.remove}>
          <input type="hidden" name="id" value={node.id} />
          <button className={`${small} text-red-700`} disabled={inUse} aria-describedby={inUse ? `delete-hint-${node.id}` : undefined}>{t("framework.delete")}</button>
        </ActionForm>
        {inUse ? <span id={`delete-hint-${node.id}`} className="text-xs text-slate-500">{t("framework.deleteHint")}</span> : null}
      </div>
    </div>
  );
}

/** The form that adds a node at the end of a dimension. */
export function AddNodeForm({ dimension, action, t }: { dimension: FrameworkDimensionView; action: AnyAction; t: Translate }) {
  return (
    <ActionForm action={action} className="flex flex-wrap items-end gap-2 border-t border-slate-200 px-4 py-3">
      <input type="hidden" name="dimensionId" value={dimension.id} />
      <div>
        <label htmlFor={`add-ko-${dimension.id}`} className={label}>{t("framework.labelKo")}</label>
        <input id={`add-ko-${dimension.id}`} name="labelKo" required lang="ko" className={`${inputClass} py-1`} />
      </div>
      <div>
        <label htmlFor={`add-en-${dimension.id}`} className={label}>{t("framework.labelEn")}</label>
        <input id={`add-en-${dimension.id}`} name="labelEn" required lang="en" className={`${inputClass} py-1`} />
      </div>
      <button className={small}>{t("framework.addNode")}</button>
    </ActionForm>
  );
}
