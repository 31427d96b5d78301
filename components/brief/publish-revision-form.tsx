"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import type { RichTextDoc } from "@/db/schema/brief";
import type { ActionResult } from "@/lib/actions/result";
import type { EditorLabels } from "@/lib/editor/labels";
import { mergeDoc } from "@/lib/merge/three-way";
import { RichTextField } from "@/components/editor/rich-text-field";
import { fill, useMessages } from "@/components/i18n/messages-provider";
import { FormAlert, FormField, SubmitButton } from "@/components/ui/form";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

type Published = {
  revisionNumber: number;
  version: number;
  anchored: number;
  orphaned: number;
  needsReview: number;
  passages: { placed: number; orphaned: number };
};
type PublishAction = (state: ActionResult<Published> | null, form: FormData) => Promise<ActionResult<Published>>;
type Current = { version: number; doc: RichTextDoc; number: number };

function currentOf(state: unknown): Current | null {
  const s = state as { ok?: boolean; code?: string; details?: { current?: Current } } | null;
  return s && s.ok === false && s.code === "conflict" && s.details?.current ? s.details.current : null;
}

/**
 * The brief's text in the editor, a note, and "publish". The version the editor opened guards
 * against a race: when someone published meanwhile, their revision is merged into the edit
 * paragraph by paragraph (both kept where both changed the same one), to check and publish again.
 * A live refresh of the page never moves the version under the editor's feet.
 */
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
  labels: { doc: string; note: string; publish: string; publishing: string; published: string; publishedPassages: string };
  editorLabels: EditorLabels;
}) {
  const m = useMessages("live");
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const form = kept.ref;
  const [editing, setEditing] = useState({ version, base: doc, doc, generation: 0 });
  const [merge, setMerge] = useState<{ number: number; overlapped: boolean } | null>(null);
  const handled = useRef<unknown>(null);

  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    const typed = form.current ? new FormData(form.current).get("doc") : null;
    const mine = typeof typed === "string" && typed ? (JSON.parse(typed) as RichTextDoc) : editing.doc;
    if (state?.ok) {
      // What was just published is what the next edit starts from.
      // eslint-disable-next-line react-hooks/set-state-in-effect -- reacting to the action's result, read from the form's DOM
      setEditing((e) => ({ ...e, version: state.version, base: mine }));
      setMerge(null);
      return;
    }
    const current = currentOf(state);
    if (!current) return;
    const merged = mergeDoc(editing.base, mine, current.doc);
    setEditing((e) => ({ version: current.version, base: current.doc, doc: merged.value ?? current.doc, generation: e.generation + 1 }));
    setMerge({ number: current.number, overlapped: merged.conflict });
  }, [state, form, editing]);

  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...kept} className="space-y-4">
      <input type="hidden" name="briefId" value={briefId} />
      <input type="hidden" name="version" value={editing.version} />
      <RichTextField key={editing.generation} name="doc" label={labels.doc} labels={editorLabels} defaultValue={editing.doc} errors={errors?.doc} />
      <FormField name="note" label={labels.note} errors={errors?.note} maxLength={500} required />
      {merge ? (
        <FormAlert tone="error">
          <span data-testid="revision-merged">{fill(merge.overlapped ? m.briefBoth : m.briefMerged, { number: merge.number })}</span>
        </FormAlert>
      ) : state && !state.ok ? (
        <FormAlert tone="error">{state.formError}</FormAlert>
      ) : null}
      {state?.ok ? (
        <FormAlert tone="success">
          {fill(labels.published, { number: state.revisionNumber, anchored: state.anchored, orphaned: state.orphaned })}{" "}
          {fill(labels.publishedPassages, { ...state.passages, needsReview: state.needsReview })}{" "}
          <a href="/brief">→</a>
        </FormAlert>
      ) : null}
      <SubmitButton pending={pending} label={labels.publish} pendingLabel={labels.publishing} />
    </form>
  );
}
