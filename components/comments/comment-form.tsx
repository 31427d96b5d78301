"use client";

import { useActionState, useEffect, useState } from "react";
import { addCommentAction, editCommentAction } from "@/app/actions/comments";
import type { RichTextDoc } from "@/db/schema/brief";
import type { ActionResult } from "@/lib/actions/result";
import type { EditorLabels } from "@/lib/editor/labels";
import type { CommentTarget } from "@/lib/vocab";
import { RichTextField } from "@/components/editor/rich-text-field";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import type { Mentionable } from "@/components/editor/tiptap-editor";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";

/** A server action as `useActionState` calls it (previous result first). */
export type FormAction = (previous: ActionResult<object> | null, form: FormData) => Promise<ActionResult<object>>;

export type CommentFormLabels = { field: string; submit: string; pending: string; cancel: string };

type Props = {
  labels: CommentFormLabels;
  editorLabels: EditorLabels;
  mentionables: Mentionable[];
  onDone?: () => void;
} & (
  | { mode: "add"; targetType: CommentTarget; targetId: string; parentId?: string }
  | { mode: "edit"; commentId: string; version: number; body: RichTextDoc }
);

/** A new comment, a reply, or an edit of one's own comment; the editor is kept on failure. */
export function CommentForm(props: Props) {
  const { labels, editorLabels, mentionables, onDone } = props;
  const action = (props.mode === "add" ? addCommentAction : editCommentAction) as FormAction;
  const [state, formAction, pending] = useActionState(useSurvivingAction(action), null);
  const kept = useKeptForm(state, formAction);
  const [resetKey, setResetKey] = useState(0);

  useEffect(() => {
    if (!state?.ok) return;
    // A fresh, empty editor after a successful post; an edit or reply form closes.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reacting to the action's result
    setResetKey((k) => k + 1);
    onDone?.();
  }, [state, onDone]);

  const failure = state && !state.ok ? state : null;
  return (
    <form {...kept} className="space-y-2">
      {props.mode === "add" ? (
        <>
          <input type="hidden" name="targetType" value={props.targetType} />
          <input type="hidden" name="targetId" value={props.targetId} />
          {props.parentId ? <input type="hidden" name="parentId" value={props.parentId} /> : null}
        </>
      ) : (
        <>
          <input type="hidden" name="commentId" value={props.commentId} />
          <input type="hidden" name="version" value={props.version} />
        </>
      )}
      <RichTextField
        name="body"
        label={labels.field}
        labels={editorLabels}
        mentionables={mentionables}
        defaultValue={props.mode === "edit" ? props.body : null}
        errors={failure?.fieldErrors?.body}
        resetKey={resetKey}
        draft={props.mode === "add" ? `comment:${props.targetType}:${props.targetId}${props.parentId ? `:${props.parentId}` : ""}` : undefined}
      />
      {failure && !failure.fieldErrors?.body ? <FormAlert tone="error">{failure.formError}</FormAlert> : null}
      <div className="flex items-center gap-2">
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} size="sm" />
        {onDone ? (
          <button type="button" onClick={onDone} className="rounded-md px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-100">
            {labels.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
