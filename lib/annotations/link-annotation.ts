import { and, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "../../db/client";
import { annotationLinks, policies, responseItems } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadAnnotationForUpdate } from "./rows";
import { linkAnnotationSchema, type LinkAnnotationInput } from "./schemas";

async function assertTargetExists(tx: Executor, targetType: "policy" | "response_item", targetId: string) {
  const [target] =
    targetType === "policy"
      ? await tx.select({ id: policies.id }).from(policies).where(and(eq(policies.id, targetId), isNull(policies.deletedAt))).limit(1)
      : await tx.select({ id: responseItems.id }).from(responseItems).where(eq(responseItems.id, targetId)).limit(1);
  if (!target) throw new AppError("not_found", { message: "annotations.error.targetNotFound", fields: { targetId: "annotations.error.targetNotFound" } });
}

/** Links a shared annotation to a policy or a response item (once; linking again changes nothing). */
export async function linkAnnotation({ actor, input }: { actor: Actor; input: LinkAnnotationInput }) {
  assertCan(actor, "annotations.edit");
  const data = linkAnnotationSchema.parse(input);
  await db().transaction(async (tx) => {
    const row = await loadAnnotationForUpdate(tx, actor, data.annotationId, null);
    // A link shows the passage on the item's page, which everyone reads: private notes stay unlinked.
    if (row.isPrivate) throw new AppError("conflict", { message: "annotations.error.privateLink" });
    await assertTargetExists(tx, data.targetType, data.targetId);
    const inserted = await tx
      .insert(annotationLinks)
      .values({ annotationId: row.id, targetType: data.targetType, targetId: data.targetId, createdById: actor.id })
      .onConflictDoNothing()
      .returning({ annotationId: annotationLinks.annotationId });
    if (inserted.length === 0) return;
    await recordActivity(tx, {
      actorId: actor.id,
      action: "annotation.linked",
      entityType: "annotation",
      entityId: row.id,
      after: { targetType: data.targetType, targetId: data.targetId },
    });
  });
}
