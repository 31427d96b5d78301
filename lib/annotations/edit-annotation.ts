import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { annotations } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { plainTextOf } from "../editor/plain-text";
import { assertAuthor, bodyMentions, loadAnnotationForUpdate, notifyAnnotationMentions, touched } from "./rows";
import { editAnnotationSchema, type EditAnnotationInput } from "./schemas";
import { annotationSearch } from "../search/documents";

/** Changes the body and tags of one's own annotation; people newly mentioned hear of it once. */
export async function editAnnotation({ actor, input, now = new Date() }: { actor: Actor; input: EditAnnotationInput; now?: Date }) {
  assertCan(actor, "annotations.edit");
  const data = editAnnotationSchema.parse(input);

  return db().transaction(async (tx) => {
    const row = await loadAnnotationForUpdate(tx, actor, data.annotationId, data.version);
    assertAuthor(actor, row);
    const bodyText = plainTextOf(data.body);
    const mentioned = bodyMentions(data.body);
    const [updated] = await tx
      .update(annotations)
      .set({ body: data.body, bodyText, mentionedUserIds: mentioned, tags: data.tags, editedAt: now, ...annotationSearch({ bodyText, tags: data.tags }), ...touched(now) })
      .where(eq(annotations.id, row.id))
      .returning({ version: annotations.version });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "annotation.edited",
      entityType: "annotation",
      entityId: row.id,
      before: row.isPrivate ? { isPrivate: true } : { body: row.bodyText, tags: row.tags },
      after: row.isPrivate ? { isPrivate: true } : { body: bodyText, tags: data.tags },
      privateTo: row.isPrivate ? row.authorId : null,
    });
    await notifyAnnotationMentions(tx, actor, { id: row.id, isPrivate: row.isPrivate, mentionedUserIds: mentioned });
    return { version: updated.version };
  });
}
