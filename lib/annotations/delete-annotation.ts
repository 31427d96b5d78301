import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { annotations } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { annotationAudit } from "./create-annotation";
import { assertAuthor, loadAnnotationForUpdate, touched } from "./rows";
import { annotationVersionSchema, type AnnotationVersionInput } from "./schemas";

/** Deletes one's own annotation (softly: the row, its anchors and its replies stay for the record). */
export async function deleteAnnotation({ actor, input, now = new Date() }: { actor: Actor; input: AnnotationVersionInput; now?: Date }) {
  assertCan(actor, "annotations.edit");
  const data = annotationVersionSchema.parse(input);
  await db().transaction(async (tx) => {
    const row = await loadAnnotationForUpdate(tx, actor, data.annotationId, data.version);
    assertAuthor(actor, row);
    await tx.update(annotations).set({ deletedAt: now, ...touched(now) }).where(eq(annotations.id, row.id));
    await recordActivity(tx, {
      actorId: actor.id,
      action: "annotation.deleted",
      entityType: "annotation",
      entityId: row.id,
      before: annotationAudit(row),
      privateTo: row.isPrivate ? row.authorId : null,
    });
  });
}
