import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import type { RichTextDoc } from "../../db/schema/brief";
import { comments, users } from "../../db/schema";
import type { CommentTarget } from "../vocab";

export type CommentView = {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  /** Null once deleted: a deleted comment's text is never sent to the page. */
  body: RichTextDoc | null;
  editedAt: Date | null;
  deleted: boolean;
  version: number;
  createdAt: Date;
};

export type CommentThread = CommentView & { replies: CommentView[] };

/**
 * The comments on one target as threads (oldest first, replies under their comment), with their
 * authors, in one query. A deleted comment stays as a placeholder while it has replies.
 */
export async function listCommentThreads(targetType: CommentTarget, targetId: string): Promise<CommentThread[]> {
  const rows = await db()
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorId: comments.authorId,
      authorName: users.displayName,
      body: comments.body,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
      version: comments.version,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.targetType, targetType), eq(comments.targetId, targetId)))
    .orderBy(asc(comments.createdAt), asc(comments.id));

  const threads = new Map<string, CommentThread>();
  const views = rows.map(({ deletedAt, body, ...row }): CommentView => ({ ...row, body: deletedAt ? null : body, deleted: deletedAt !== null }));
  for (const view of views) if (!view.parentId) threads.set(view.id, { ...view, replies: [] });
  for (const view of views) if (view.parentId) threads.get(view.parentId)?.replies.push(view);
  return [...threads.values()].filter((thread) => !thread.deleted || thread.replies.length > 0);
}

/** Who can be @-mentioned: every active member. */
export async function listMentionables(): Promise<{ id: string; label: string }[]> {
  return db()
    .select({ id: users.id, label: users.displayName })
    .from(users)
    .where(isNull(users.deactivatedAt))
    .orderBy(asc(users.displayName));
}
