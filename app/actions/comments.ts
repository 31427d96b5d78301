"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { addComment } from "@/lib/comments/add-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { addCommentSchema, deleteCommentSchema, editCommentSchema } from "@/lib/comments/schemas";
import { entityHref } from "@/lib/entity-href";

/** Refreshes the page showing the thread (and any other page: threads appear on several). */
function revalidateThread(targetType: string, targetId: string) {
  const href = entityHref(targetType, targetId);
  revalidatePath(href ? href.split(/[?#]/)[0] : "/", href ? "page" : "layout");
}

export const addCommentAction = validatedAction({ schema: addCommentSchema, permission: "comments.write" }, async (input, actor) => {
  const result = await addComment({ actor, input });
  revalidateThread(input.targetType, input.targetId);
  return { commentId: result.commentId };
});

export const editCommentAction = validatedAction({ schema: editCommentSchema, permission: "comments.write" }, async (input, actor) => {
  const result = await editComment({ actor, input });
  revalidateThread(result.targetType, result.targetId);
  return { version: result.version };
});

export const deleteCommentAction = validatedAction({ schema: deleteCommentSchema, permission: "comments.write" }, async (input, actor) => {
  const result = await deleteComment({ actor, input });
  revalidateThread(result.targetType, result.targetId);
  return { commentId: result.commentId };
});
