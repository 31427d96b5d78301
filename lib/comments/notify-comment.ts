import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type Comment, notifications } from "../../db/schema";
import { notify } from "../notifications/notify";

/** The event key of everything a comment notifies: one notification per user for it. */
export const commentEventKey = (commentId: string) => `comment:${commentId}`;

/**
 * Tells the people a comment concerns: the mentioned users (kind `mention`) and the authors it
 * replies to (kind `reply`). One user hears of one comment once: a mention wins over a reply,
 * and whoever was already told (before an edit) is not told again.
 */
export async function notifyCommentEvent(
  tx: Executor,
  { comment, actorId, mentioned, replyTo }: { comment: Comment; actorId: string; mentioned: string[]; replyTo: (string | null)[] },
) {
  const eventKey = commentEventKey(comment.id);
  const already = new Set(
    (await tx.select({ userId: notifications.userId }).from(notifications).where(and(eq(notifications.eventKey, eventKey)))).map((r) => r.userId),
  );
  const base = { actorId, entityType: comment.targetType, entityId: comment.targetId, eventKey };
  const mentions = await notify(tx, { ...base, kind: "mention", userIds: mentioned.filter((id) => !already.has(id)) });
  const replies = await notify(tx, {
    ...base,
    kind: "reply",
    userIds: replyTo.filter((id) => id && !already.has(id) && !mentioned.includes(id)),
  });
  return { mentions, replies };
}
