"use client";

import { useActionState, useCallback, useState } from "react";
import { deleteCommentAction } from "@/app/actions/comments";
import type { RichTextDoc } from "@/db/schema/brief";
import type { EditorLabels } from "@/lib/editor/labels";
import type { CommentTarget } from "@/lib/vocab";
import type { Mentionable } from "@/components/editor/tiptap-editor";
import { FormAlert } from "@/components/ui/form";
import { CommentForm, type FormAction } from "./comment-form";

export type CommentControlLabels = {
  reply: string;
  replyLabel: string;
  postReply: string;
  edit: string;
  editLabel: string;
  saveEdit: string;
  cancel: string;
  delete: string;
  deleteConfirm: string;
  pending: string;
};

type Props = {
  comment: { id: string; version: number; body: RichTextDoc | null };
  target: { targetType: CommentTarget; targetId: string };
  can: { reply: boolean; edit: boolean; delete: boolean };
  labels: CommentControlLabels;
  editorLabels: EditorLabels;
  mentionables: Mentionable[];
};

const linkButton = "rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900";

/** Reply, edit and delete under one comment; each opens its form in place. */
export function CommentControls({ comment, target, can, labels, editorLabels, mentionables }: Props) {
  const [open, setOpen] = useState<"reply" | "edit" | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const [deleteState, deleteAction, deleting] = useActionState(deleteCommentAction as FormAction, null);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-1">
        {can.reply ? (
          <button type="button" className={linkButton} aria-expanded={open === "reply"} onClick={() => setOpen(open === "reply" ? null : "reply")}>
            {labels.reply}
          </button>
        ) : null}
        {can.edit && comment.body ? (
          <button type="button" className={linkButton} aria-expanded={open === "edit"} onClick={() => setOpen(open === "edit" ? null : "edit")}>
            {labels.edit}
          </button>
        ) : null}
        {can.delete ? (
          <form
            action={deleteAction}
            onSubmit={(event) => {
              if (!window.confirm(labels.deleteConfirm)) event.preventDefault();
            }}
          >
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" disabled={deleting} className={`${linkButton} text-red-700 hover:text-red-800`}>
              {deleting ? labels.pending : labels.delete}
            </button>
          </form>
        ) : null}
      </div>
      {deleteState && !deleteState.ok ? <FormAlert tone="error">{deleteState.formError}</FormAlert> : null}
      {open === "reply" ? (
        <CommentForm
          mode="add"
          targetType={target.targetType}
          targetId={target.targetId}
          parentId={comment.id}
          labels={{ field: labels.replyLabel, submit: labels.postReply, pending: labels.pending, cancel: labels.cancel }}
          editorLabels={editorLabels}
          mentionables={mentionables}
          onDone={close}
        />
      ) : null}
      {open === "edit" && comment.body ? (
        <CommentForm
          mode="edit"
          commentId={comment.id}
          version={comment.version}
          body={comment.body}
          labels={{ field: labels.editLabel, submit: labels.saveEdit, pending: labels.pending, cancel: labels.cancel }}
          editorLabels={editorLabels}
          mentionables={mentionables}
          onDone={close}
        />
      ) : null}
    </div>
  );
}
