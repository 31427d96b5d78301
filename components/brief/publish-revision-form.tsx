"use client";

import { useActionState } from "react";
import type { RichTextDoc } from "@/db/schema/brief";
import type { ActionResult } from "@/lib/actions/result";
import type { EditorLabels } from "@/lib/editor/labels";
import { RichTextField } from "@/components/editor/rich-text-field";
import { FormAlert, FormField, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

type Published = { revisionNumber: number; version: number; anchored: number; orphaned: number };
type PublishAction = (state: ActionResult<Published> | null, form: FormData) => Promise<ActionResult<Published>>;

/** The brief's text in the editor, a note, and "publish": the version guards against a race. */
export function PublishRevisionForm({
  briefId,
  version,
  doc,
  action,
  labels,
  editorLabels,
}: {
  briefId: string;
  version: number;
  doc: RichTextDoc;
  action: PublishAction;
  labels: { doc: string; note: string; publish: string; publishing: string; published: string };
  editorLabels: EditorLabels;
}) {
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...kept} className="space-y-4">
      <input type="hidden" name="briefId" value={briefId} />
      <input type="hidden" name="version" value={state?.ok ? state.version : version} />
      <RichTextField name="doc" label={labels.doc} labels={editorLabels} defaultValue={doc} errors={errors?.doc} />
      <FormField name="note" label={labels.note} errors={errors?.note} maxLength={500} required />
      {state && !state.ok ? <FormAlert tone="error">{state.formError}</FormAlert> : null}
      {state?.ok ? (
        <FormAlert tone="success">
          {labels.published
            .replace("{number}", String(state.revisionNumber))
            .replace("{anchored}", String(state.anchored))
            .replace("{orphaned}", String(state.orphaned))}{" "}
          <a href="/brief">→</a>
        </FormAlert>
      ) : null}
      <SubmitButton pending={pending} label={labels.publish} pendingLabel={labels.publishing} />
    </form>
  );
}
