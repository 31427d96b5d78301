import { z } from "zod";
import { requiredRichText } from "../editor/form";
import { commentTargets } from "../vocab";

/** The longest comment body we store, as posted JSON (a few pages of text). */
export const COMMENT_MAX_JSON_LENGTH = 40_000;

const rowId = z.guid();

/** The editor's JSON (string, or the document itself), bounded before it is parsed. */
const commentBody = z
  .unknown()
  .refine((value) => (typeof value === "string" ? value : (JSON.stringify(value) ?? "")).length <= COMMENT_MAX_JSON_LENGTH, {
    message: "comments.tooLong",
    abort: true,
  })
  .pipe(requiredRichText);

/** An empty form field means "no parent": a new thread. */
const optionalRowId = z.preprocess((value) => (value === "" || value === null ? undefined : value), rowId.optional());

export const addCommentSchema = z.object({
  targetType: z.enum(commentTargets),
  targetId: rowId,
  parentId: optionalRowId,
  body: commentBody,
});
export type AddCommentInput = z.input<typeof addCommentSchema>;

export const editCommentSchema = z.object({
  commentId: rowId,
  version: z.coerce.number().int().min(1),
  body: commentBody,
});
export type EditCommentInput = z.input<typeof editCommentSchema>;

export const deleteCommentSchema = z.object({ commentId: rowId });
export type DeleteCommentInput = z.input<typeof deleteCommentSchema>;
