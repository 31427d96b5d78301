"use client";

import { createContext, useActionState, useContext, useState, type ReactNode } from "react";
import type { RichTextDoc } from "@/db/schema/brief";
import type { ActionResult } from "@/lib/actions/result";
import type { EditorLabels } from "@/lib/editor/labels";
import { RichTextField } from "@/components/editor/rich-text-field";
import type { Mentionable } from "@/components/editor/tiptap-editor";
import { FormAlert, inputClass, SubmitButton } from "@/components/ui/form";
import { ActionForm, type FormAction } from "./action-form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

export type ThreadControlLabels = {
  resolve: string;
  reopen: string;
  edit: string;
  delete: string;
  deleteConfirm: string;
  body: string;
  tags: string;
  save: string;
  saving: string;
  cancel: string;
  linkTo: string;
  linkTarget: string;
  linkPolicies: string;
  linkItems: string;
  link: string;
  linked: string;
  createItem: string;
  createItemTitle: string;
  itemCreated: string;
};

type Versioned = { version: number };
export type ThreadActions = {
  resolve: FormAction<Versioned>;
  reopen: FormAction<Versioned>;
  edit: FormAction<Versioned>;
  remove: FormAction;
  link: FormAction;
  createItem: FormAction<{ responseItemId: string }>;
};

export type LinkOptions = { policies: { id: string; title: string }[]; items: { id: string; title: string }[] };

function EditForm({
  annotation,
  action,
  labels,
  editorLabels,
  mentionables,
  onDone,
}: {
  annotation: { id: string; version: number; body: RichTextDoc; tags: string[] };
  action: FormAction<Versioned>;
  labels: ThreadControlLabels;
  editorLabels: EditorLabels;
  mentionables: Mentionable[];
  onDone: () => void;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(async (prev: ActionResult<Versioned> | null, form: FormData) => {
    const result = await action(prev, form);
    if (result.ok) onDone();
    return result;
  }), null);
  const kept = useKeptForm(state, formAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...kept} className="space-y-2">
      <input type="hidden" name="annotationId" value={annotation.id} />
      <input type="hidden" name="version" value={annotation.version} />
      <RichTextField name="body" label={labels.body} labels={editorLabels} defaultValue={annotation.body} mentionables={mentionables} errors={errors?.body} />
      <label className="block space-y-1 text-sm">
        <span className="font-medium">{labels.tags}</span>
        <input name="tags" defaultValue={annotation.tags.join(", ")} className={inputClass} />
      </label>
      {state && !state.ok ? <FormAlert tone="error">{[state.formError, ...(errors?.tags ?? [])].join(" ")}</FormAlert> : null}
      <div className="flex gap-2">
        <SubmitButton pending={pending} label={labels.save} pendingLabel={labels.saving} size="sm" />
        <button type="button" onClick={onDone} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs">
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}

type Shared = { actions: ThreadActions; labels: ThreadControlLabels; editorLabels: EditorLabels; mentionables: Mentionable[]; linkOptions: LinkOptions };
const SharedControls = createContext<Shared | null>(null);

/**
 * What every thread's controls share (actions, labels, teammates, link targets), sent to the
 * browser once for the whole margin instead of once per thread: 500 threads made megabytes.
 */
export function ThreadControlsProvider({ children, ...shared }: Shared & { children: ReactNode }) {
  return <SharedControls.Provider value={shared}>{children}</SharedControls.Provider>;
}

/** What an editor can do with one thread: resolve or reopen, edit and delete own, link, make an item. */
export function ThreadControls({
  annotation,
  isAuthor,
}: {
  annotation: { id: string; version: number; status: "open" | "resolved"; isPrivate: boolean; body: RichTextDoc; tags: string[] };
  isAuthor: boolean;
}) {
  const { actions, labels, editorLabels, mentionables, linkOptions } = useContext(SharedControls)!;
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const ref = { annotationId: annotation.id, version: annotation.version };
  if (editing) {
    return <EditForm annotation={annotation} action={actions.edit} labels={labels} editorLabels={editorLabels} mentionables={mentionables} onDone={() => setEditing(false)} />;
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start gap-2">
        {annotation.status === "open" ? (
          <ActionForm action={actions.resolve} hidden={ref} label={labels.resolve} tone="primary" />
        ) : (
          <ActionForm action={actions.reopen} hidden={ref} label={labels.reopen} />
        )}
        {isAuthor ? (
          <>
            <button type="button" onClick={() => setEditing(true)} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium">
              {labels.edit}
            </button>
            <ActionForm action={actions.remove} hidden={ref} label={labels.delete} tone="danger" confirm={labels.deleteConfirm} />
          </>
        ) : null}
      </div>
      {annotation.isPrivate ? null : (
        <details className="text-sm" onToggle={(e) => setLinking(e.currentTarget.open)}>
          <summary className="cursor-pointer text-slate-600">{labels.linkTo}</summary>
          {/* Rendered on opening: the choice lists would otherwise repeat in every thread. */}
          {linking ? <div className="mt-2 space-y-3">
            <ActionForm action={actions.link} hidden={{ annotationId: annotation.id }} label={labels.link} successLabel={labels.linked} className="flex flex-col gap-1">
              <label className="space-y-1">
                <span className="block text-xs text-slate-600">{labels.linkTarget}</span>
                <select name="target" className={inputClass} required defaultValue="" onChange={(e) => syncTarget(e.currentTarget)}>
                  <option value="" disabled />
                  <optgroup label={labels.linkPolicies}>
                    {linkOptions.policies.map((p) => (
                      <option key={p.id} value={`policy:${p.id}`}>{p.title}</option>
                    ))}
                  </optgroup>
                  <optgroup label={labels.linkItems}>
                    {linkOptions.items.map((i) => (
                      <option key={i.id} value={`response_item:${i.id}`}>{i.title}</option>
                    ))}
                  </optgroup>
                </select>
              </label>
              <input type="hidden" name="targetType" />
              <input type="hidden" name="targetId" />
            </ActionForm>
            <ActionForm action={actions.createItem} hidden={{ annotationId: annotation.id }} label={labels.createItem} successLabel={labels.itemCreated} className="flex flex-col gap-1">
              <label className="space-y-1">
                <span className="block text-xs text-slate-600">{labels.createItemTitle}</span>
                <input name="title" maxLength={200} className={inputClass} />
              </label>
            </ActionForm>
          </div> : null}
        </details>
      )}
    </div>
  );
}

/** The select's "type:id" value split into the two fields the action reads. */
function syncTarget(select: HTMLSelectElement) {
  const [type, id] = select.value.split(":");
  const form = select.form;
  if (!form) return;
  (form.elements.namedItem("targetType") as HTMLInputElement).value = type ?? "";
  (form.elements.namedItem("targetId") as HTMLInputElement).value = id ?? "";
}
