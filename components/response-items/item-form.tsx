"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
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
  title: string;
  description: string;
  nodes: string;
  priority: string;
  dueOn: string;
  submit: string;
  saved: string;
};

/**
 * Creating or editing a response item. Editing sends the version the page showed: if someone
 * saved in between, the action refuses and says so instead of overwriting their change.
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
  const kept = useKeptForm(state, formAction);
  const router = useRouter();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const createdId = !item && state?.ok && "id" in state ? String(state.id) : undefined;
  useEffect(() => {
    if (createdId) router.push(`/response-items/${createdId}`);
  }, [createdId, router]);

  return (
    <form {...kept} className="space-y-4">
      {item ? (
        <>
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="version" value={item.version} />
        </>
      ) : null}
      <FormField label={labels.title} name="title" required maxLength={ITEM_TITLE_MAX} defaultValue={item?.title} errors={errors.title} lang="ko" />
      <RichTextField name="description" label={labels.description} labels={editorLabels} defaultValue={item?.description} errors={errors.description} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{labels.nodes}</legend>
        {nodeGroups.map((group) => (
          <div key={group.name}>
            <p className="text-xs font-medium text-slate-500">{group.name}</p>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {group.nodes.map((node) => (
                <label key={node.id} className="inline-flex items-center gap-1.5 text-sm">
                  <input type="checkbox" name="nodeIds" value={node.id} defaultChecked={item?.nodeIds.includes(node.id)} className="size-4" />
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
          <select id="field-priority" name="priority" defaultValue={item?.priority ?? "medium"} className={inputClass}>
            {priorities.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldErrors errors={errors.priority} />
        </div>
        <FormField label={labels.dueOn} name="dueOn" type="date" defaultValue={item?.dueOn ?? ""} errors={errors.dueOn} />
      </div>
      {state && !state.ok ? <FormAlert tone="error">{state.formError}</FormAlert> : null}
      {state?.ok && item ? <FormAlert tone="success">{labels.saved}</FormAlert> : null}
      <SubmitButton pending={pending} label={labels.submit} />
    </form>
  );
}
