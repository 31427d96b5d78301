import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { comments } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { publish } from "../live/publish";
import { deleteCommentSchema, type DeleteCommentInput } from "./schemas";
import { isPrivateThread, loadCommentForUpdate } from "./targets";

/**
 * Deletes one's own comment (admins: anyone's). Soft: the row stays so its replies keep their
 * thread, and the thread shows "deleted" in its place; the body is no longer shown.
 */
export async function deleteComment({ actor, input, now = new Date() }: { actor: Actor; input: DeleteCommentInput; now?: Date }) {
  assertCan(actor, "comments.write");
  const { commentId } = deleteCommentSchema.parse(input);

  return db().transaction(async (tx) => {
    const comment = await loadCommentForUpdate(tx, commentId);
    if (comment.authorId !== actor.id && actor.role !== "admin") throw new AppError("forbidden", { message: "comments.notYours" });
    const where = { commentId, targetType: comment.targetType, targetId: comment.targetId };
    if (comment.deletedAt) return where;
    await tx.update(comments).set({ deletedAt: now, version: comment.version + 1 }).where(eq(comments.id, commentId));
    // A private note's thread holds its author's comments only: they alone hear of it.
    const privateTo = (await isPrivateThread(tx, comment.targetType, comment.targetId)) ? comment.authorId : null;
    await recordActivity(tx, {
      actorId: actor.id,
      action: "comment.deleted",
      entityType: "comment",
      entityId: comment.id,
      before: { bodyText: comment.bodyText, targetType: comment.targetType, targetId: comment.targetId },
      after: { deleted: true, targetType: comment.targetType, targetId: comment.targetId },
      privateTo,
    });
    await publish(tx, { entityType: comment.targetType, entityId: comment.targetId, kind: "comment", ...(privateTo ? { onlyFor: privateTo } : {}) });
    return where;
  });
}
