import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { annotations } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import type { AnnotationStatus } from "../vocab";
import { loadAnnotationForUpdate, touched } from "./rows";
import { annotationVersionSchema, type AnnotationVersionInput } from "./schemas";

/** Resolves (or reopens) a thread; any editor may, not only its author. Idempotent. */
export async function setAnnotationStatus({
  actor,
  input,
  status,
  now = new Date(),
}: {
  actor: Actor;
  input: AnnotationVersionInput;
  status: AnnotationStatus;
  now?: Date;
}) {
  assertCan(actor, "annotations.edit");
  const data = annotationVersionSchema.parse(input);
  return db().transaction(async (tx) => {
    const row = await loadAnnotationForUpdate(tx, actor, data.annotationId, data.version);
    if (row.status === status) return { version: row.version };
    const resolved = status === "resolved";
    const [updated] = await tx
      .update(annotations)
      .set({ status, resolvedById: resolved ? actor.id : null, resolvedAt: resolved ? now : null, ...touched(now) })
      .where(eq(annotations.id, row.id))
      .returning({ version: annotations.version });
    await recordActivity(tx, {
      actorId: actor.id,
      action: resolved ? "annotation.resolved" : "annotation.reopened",
      entityType: "annotation",
      entityId: row.id,
      before: { status: row.status },
      after: { status },
      privateTo: row.isPrivate ? row.authorId : null,
    });
    return { version: updated.version };
  });
}
