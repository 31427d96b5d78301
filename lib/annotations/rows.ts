import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type RichTextDoc, annotations } from "../../db/schema";
import { AppError } from "../actions/result";
import type { Actor } from "../auth/session";
import { mentionedUserIds } from "../editor/mentions";
import { notify } from "../notifications/notify";
import { isUuid } from "../uuid";

/**
 * The annotation's row, locked, as `actor` may see it: a deleted annotation or someone else's
 * private note is "not found" (never "forbidden", which would confirm it exists). 409 when it
 * changed since the form read `version` (pass null to skip that check).
 */
export async function loadAnnotationForUpdate(tx: Executor, actor: Pick<Actor, "id">, annotationId: string, version: number | null) {
  const [row] = await tx
    .select()
    .from(annotations)
    .where(and(eq(annotations.id, annotationId), isNull(annotations.deletedAt)))
    .limit(1)
    .for("update");
  if (!row || (row.isPrivate && row.authorId !== actor.id)) throw new AppError("not_found", { message: "annotations.error.notFound" });
  if (version !== null && row.version !== version) throw new AppError("conflict");
  return row;
}

/** Column updates shared by every change to an annotation: a new version and a fresh timestamp. */
export function touched(now: Date) {
  return { version: sql`${annotations.version} + 1`, updatedAt: now };
}

/** Own annotations only: editing or deleting someone else's is refused. */
export function assertAuthor(actor: Pick<Actor, "id">, row: { authorId: string }) {
  if (row.authorId !== actor.id) throw new AppError("forbidden", { message: "annotations.error.notYours" });
}

/** The users a body mentions, as stored beside it (`mentioned_user_ids`): well-formed ids only. */
export function bodyMentions(body: RichTextDoc): string[] {
  return mentionedUserIds(body).filter(isUuid);
}

/**
 * Tells the users an annotation's body mentions (once per annotation and user). A private note
 * is for its author alone: mentioning someone in it tells them nothing.
 */
export async function notifyAnnotationMentions(tx: Executor, actor: Pick<Actor, "id">, annotation: { id: string; isPrivate: boolean; mentionedUserIds: string[] }) {
  if (annotation.isPrivate) return;
  await notify(tx, {
    kind: "mention",
    userIds: annotation.mentionedUserIds,
    actorId: actor.id,
    entityType: "annotation",
    entityId: annotation.id,
    eventKey: `annotation:${annotation.id}`,
  });
}
