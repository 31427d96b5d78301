import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { annotations, comments, policies, responseItems, users } from "../../db/schema";
import { AppError } from "../actions/result";
import type { CommentTarget } from "../vocab";

/**
 * The thing a comment is on, checked to exist (and not be deleted), with the author of an
 * annotation (who hears of replies in its thread) and whether it is a private note (whose
 * thread tells nobody anything). Throws not_found otherwise.
 */
export async function loadCommentTarget(
  tx: Executor,
  targetType: CommentTarget,
  targetId: string,
  actorId: string,
): Promise<{ annotationAuthorId: string | null; isPrivate: boolean }> {
  if (targetType === "annotation") {
    const [row] = await tx
      .select({ authorId: annotations.authorId, isPrivate: annotations.isPrivate })
      .from(annotations)
      .where(and(eq(annotations.id, targetId), isNull(annotations.deletedAt)))
      .limit(1);
    // A private note is its author's alone: nobody else may even learn it exists.
    if (!row || (row.isPrivate && row.authorId !== actorId)) throw new AppError("not_found");
    return { annotationAuthorId: row.authorId, isPrivate: row.isPrivate };
  }
  const [row] =
    targetType === "policy"
      ? await tx.select({ id: policies.id }).from(policies).where(and(eq(policies.id, targetId), isNull(policies.deletedAt))).limit(1)
      : await tx.select({ id: responseItems.id }).from(responseItems).where(eq(responseItems.id, targetId)).limit(1);
  if (!row) throw new AppError("not_found");
  return { annotationAuthorId: null, isPrivate: false };
}

/** Whether a thread is on a private note: its author's alone, so a mention in it tells nobody. */
export async function isPrivateThread(tx: Executor, targetType: CommentTarget, targetId: string): Promise<boolean> {
  if (targetType !== "annotation") return false;
  const [row] = await tx.select({ isPrivate: annotations.isPrivate }).from(annotations).where(eq(annotations.id, targetId)).limit(1);
  return row?.isPrivate ?? false;
}

/** Refuses a body that mentions anyone but active members (field error on `body`). */
export async function assertMentionable(tx: Executor, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const valid = userIds.every((id) => /^[0-9a-f-]{36}$/i.test(id));
  const found = valid
    ? await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, userIds), isNull(users.deactivatedAt)))
    : [];
  if (found.length !== userIds.length) throw new AppError("invalid", { fields: { body: "comments.unknownMention" } });
}

/** A comment locked for a write, or not_found. */
export async function loadCommentForUpdate(tx: Executor, commentId: string) {
  const [row] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("update").limit(1);
  if (!row) throw new AppError("not_found");
  return row;
}
