import { eq } from "drizzle-orm";
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
import { addCommentSchema, type AddCommentInput } from "./schemas";
import { assertMentionable, loadCommentTarget } from "./targets";
import { commentSearch } from "../search/documents";


/**
 * Comments on an annotation, a policy or a response item, or replies in an existing thread.
 * Replies stay one level deep: answering a reply joins its thread (and tells that reply's author).
 */
export async function addComment({ actor, input }: { actor: Actor; input: AddCommentInput }) {
  assertCan(actor, "comments.write");
  const { targetType, targetId, parentId, body } = addCommentSchema.parse(input);
  const mentioned = mentionedUserIds(body);

  return db().transaction(async (tx) => {
    const target = await loadCommentTarget(tx, targetType, targetId, actor.id);
    let threadId: string | null = null;
    let parentAuthorId: string | null = null;
    if (parentId) {
      const [parent] = await tx.select().from(comments).where(eq(comments.id, parentId)).limit(1);
      if (!parent || parent.targetType !== targetType || parent.targetId !== targetId) {
        throw new AppError("not_found", { message: "comments.parentMissing" });
      }
      threadId = parent.parentId ?? parent.id;
      parentAuthorId = parent.authorId;
    }
    await assertMentionable(tx, mentioned);

    const bodyText = plainTextOf(body);
    const [comment] = await tx
      .insert(comments)
      .values({ targetType, targetId, parentId: threadId, authorId: actor.id, body, bodyText, mentionedUserIds: mentioned, ...commentSearch({ bodyText }) })
      .returning();
    await recordActivity(tx, {
      actorId: actor.id,
      action: threadId ? "comment.replied" : "comment.created",
      entityType: "comment",
      entityId: comment.id,
      after: { targetType, targetId, parentId: threadId, bodyText: comment.bodyText },
      // A private note's thread is its author's alone (nobody else may comment on it).
      privateTo: target.isPrivate ? actor.id : null,
    });
    const replyTo = parentAuthorId || target.annotationAuthorId ? [parentAuthorId, target.annotationAuthorId] : [];
    // Mentions in a private note's thread stay unsent, as in the note itself.
    const notified = await notifyCommentEvent(tx, { comment, actorId: actor.id, mentioned: target.isPrivate ? [] : mentioned, replyTo });
    await publish(tx, { entityType: targetType, entityId: targetId, kind: "comment", ...(target.isPrivate ? { onlyFor: actor.id } : {}) });
    return { commentId: comment.id, notified };
  });
}
