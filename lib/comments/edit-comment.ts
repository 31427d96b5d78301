import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { comments } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { mentionedUserIds } from "../editor/mentions";
import { plainTextOf } from "../editor/plain-text";
import { publish } from "../live/publish";
import { notifyCommentEvent } from "./notify-comment";
import { editCommentSchema, type EditCommentInput } from "./schemas";
import { assertMentionable, isPrivateThread, loadCommentForUpdate } from "./targets";
import { commentSearch } from "../search/documents";

/** Changes one's own comment (never someone else's); newly mentioned people are told, once. */
export async function editComment({ actor, input, now = new Date() }: { actor: Actor; input: EditCommentInput; now?: Date }) {
  assertCan(actor, "comments.write");
  const { commentId, version, body } = editCommentSchema.parse(input);
  const mentioned = mentionedUserIds(body);

  return db().transaction(async (tx) => {
    const comment = await loadCommentForUpdate(tx, commentId);
    if (comment.authorId !== actor.id) throw new AppError("forbidden", { message: "comments.notYours" });
    if (comment.deletedAt) throw new AppError("gone", { message: "comments.deleted" });
    if (comment.version !== version) throw new AppError("conflict");
    await assertMentionable(tx, mentioned);

    const bodyText = plainTextOf(body);
    const [updated] = await tx
      .update(comments)
      .set({ body, bodyText, mentionedUserIds: mentioned, editedAt: now, ...commentSearch({ bodyText }), version: comment.version + 1 })
      .where(and(eq(comments.id, commentId), eq(comments.version, version)))
      .returning();
    const privateThread = await isPrivateThread(tx, comment.targetType, comment.targetId);
    await recordActivity(tx, {
      actorId: actor.id,
      action: "comment.edited",
      entityType: "comment",
      entityId: comment.id,
      before: { bodyText: comment.bodyText, targetType: comment.targetType, targetId: comment.targetId },
      after: { bodyText, targetType: comment.targetType, targetId: comment.targetId },
      privateTo: privateThread ? actor.id : null,
    });
    const told = privateThread ? [] : mentioned;
    const notified = await notifyCommentEvent(tx, { comment: updated, actorId: actor.id, mentioned: told, replyTo: [] });
    await publish(tx, { entityType: comment.targetType, entityId: comment.targetId, kind: "comment", ...(privateThread ? { onlyFor: actor.id } : {}) });
    return { version: updated.version, targetType: comment.targetType, targetId: comment.targetId, notified };
  });
}
