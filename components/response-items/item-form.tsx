"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ConflictPanel, useConflictMerge } from "@/components/live/conflict-merge";
import type { FieldMerge } from "@/lib/merge/three-way";
import { plainTextOfDoc } from "@/lib/editor/doc-text";
import type { Locale } from "@/lib/vocab";
import { RichTextField } from "@/components/editor/rich-text-field";
import { FieldErrors, FormAlert, FormField, inputClass, SubmitButton } from "@/components/ui/form";
import type { RichTextDoc } from "@/db/schema/brief";
import type { ActionResult } from "@/lib/actions/result";
import type { EditorLabels } from "@/lib/editor/labels";
import { ITEM_TITLE_MAX } from "@/lib/response-items/schemas";
import type { Priority } from "@/lib/vocab";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

type ItemAction<T extends object> = (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export type ItemFormLabels = {
  locale: Locale;
  title: string;
  description: string;
  nodes: string;
  priority: string;
  dueOn: string;
  submit: string;
  saved: string;
};

type ItemValues = { id?: string; version?: number; title: string; description: RichTextDoc | null; nodeIds: string[]; priority: string; dueOn: string };

const MERGE_KINDS: Partial<Record<keyof ItemValues, FieldMerge>> = { title: "value", description: "doc", nodeIds: "set", priority: "value", dueOn: "value" };

function readItemForm(form: HTMLFormElement): ItemValues {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  let description: RichTextDoc | null = null;
  try {
    description = text("description") ? (JSON.parse(text("description")) as RichTextDoc) : null;
  } catch {
    /* the editor always posts JSON */
  }
  return {
    id: text("id") || undefined,
    version: Number(text("version")) || undefined,
    title: text("title"),
    description,
    nodeIds: data.getAll("nodeIds").map(String),
    priority: text("priority"),
    dueOn: text("dueOn"),
  };
}

/**
 * Creating or editing a response item. Editing sends the version the form was opened on (a live
 * refresh of the page does not move it): if someone saved in between, their save is merged with
 * this one field by field, the fields both changed shown side by side, to save again.
 */
export function ItemForm<T extends object>({
  action,
  item,
  nodeGroups,
  priorities,
  labels,
  editorLabels,
}: {
  action: ItemAction<T>;
  item?: { id: string; version: number; title: string; description: RichTextDoc | null; nodeIds: string[]; priority: Priority; dueOn: string | null };
  nodeGroups: { name: string; nodes: { id: string; label: string }[] }[];
  priorities: { value: Priority; label: string }[];
  labels: ItemFormLabels;
  editorLabels: EditorLabels;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction, { resetOnSuccess: !item });
  const initial: ItemValues = item
    ? { ...item, dueOn: item.dueOn ?? "" }
    : { title: "", description: null, nodeIds: [], priority: "medium", dueOn: "" };
  const { values, generation, conflict, settle } = useConflictMerge({ state, initial, kinds: MERGE_KINDS, form: kept.ref, read: readItemForm });
  const router = useRouter();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const createdId = !item && state?.ok && "id" in state ? String(state.id) : undefined;
  useEffect(() => {
    if (createdId) router.push(`/response-items/${createdId}`);
  }, [createdId, router]);

  const fieldLabels: Record<string, string> = { title: labels.title, description: labels.description, nodeIds: labels.nodes, priority: labels.priority, dueOn: labels.dueOn };
  const show = (field: string, value: unknown) =>
    field === "description" ? plainTextOfDoc(value as RichTextDoc | null) : field === "priority" ? (priorities.find((p) => p.value === value)?.label ?? String(value)) : String(value ?? "");

  return (
    <form {...kept} className="space-y-4">
      <div key={generation} className="space-y-4">
      {item ? (
        <>
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : null}
      <FormField label={labels.title} name="title" required maxLength={ITEM_TITLE_MAX} defaultValue={values.title} errors={errors.title} lang="ko" />
      <RichTextField name="description" label={labels.description} labels={editorLabels} defaultValue={values.description} errors={errors.description} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{labels.nodes}</legend>
        {nodeGroups.map((group) => (
          <div key={group.name}>
            <p className="text-xs font-medium text-slate-500">{group.name}</p>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {group.nodes.map((node) => (
                <label key={node.id} className="inline-flex items-center gap-1.5 text-sm">
                  <input type="checkbox" name="nodeIds" value={node.id} defaultChecked={values.nodeIds.includes(node.id)} className="size-4" />
                  {node.label}
                </label>
              ))}
            </div>
          </div>
        ))}
        <FieldErrors errors={errors.nodeIds} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="field-priority" className="block text-sm font-medium text-slate-800">
            {labels.priority}
          </label>
          <select id="field-priority" name="priority" defaultValue={values.priority} className={inputClass}>
            {priorities.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldErrors errors={errors.priority} />
        </div>
        <FormField label={labels.dueOn} name="dueOn" type="date" defaultValue={values.dueOn} errors={errors.dueOn} />
      </div>
      </div>
      {conflict ? (
        <ConflictPanel conflict={conflict} labels={fieldLabels} show={show} locale={labels.locale} onSettle={settle} />
      ) : state && !state.ok ? (
        <FormAlert tone="error">{state.formError}</FormAlert>
      ) : null}
      {state?.ok && item ? <FormAlert tone="success">{labels.saved}</FormAlert> : null}
      <SubmitButton pending={pending} label={labels.submit} />
    </form>
  );
}
