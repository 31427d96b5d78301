import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { annotationAnchors, annotations, briefRevisions, briefs } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { selectorAt } from "../brief/selectors";
import { MANUAL_ANCHOR } from "./anchoring";
import { assertAuthor, loadAnnotationForUpdate, touched } from "./rows";
import { reattachAnnotationSchema, type ReattachAnnotationInput } from "./schemas";

/**
 * Puts an orphaned annotation on a passage of the current revision that its author selected.
 * The quote, its context and the offsets are read from the revision's own text (the client sends
 * offsets only); the anchor on the current revision becomes placed (`manual`) and the annotation's
 * selector moves to the new passage, so later revisions re-anchor from there. Body, tags, status
 * and replies stay as they were. Only the author may, as for editing.
 */
export async function reattachAnnotation({ actor, input, now = new Date() }: { actor: Actor; input: ReattachAnnotationInput; now?: Date }) {
  assertCan(actor, "annotations.edit");
  const data = reattachAnnotationSchema.parse(input);

  return db().transaction(async (tx) => {
    // The brief first (shared): a publish waits for this change, or this one sees its revision.
    const [revision] = await tx
      .select({ id: briefRevisions.id, briefId: briefRevisions.briefId, plainText: briefRevisions.plainText, current: briefs.currentRevisionId })
      .from(briefRevisions)
      .innerJoin(briefs, eq(briefs.id, briefRevisions.briefId))
      .where(eq(briefRevisions.id, data.revisionId))
      .limit(1)
      .for("share", { of: briefs });
    if (!revision) throw new AppError("not_found", { message: "annotations.error.revisionNotFound" });
    const row = await loadAnnotationForUpdate(tx, actor, data.annotationId, data.version);
    if (row.briefId !== revision.briefId) throw new AppError("not_found", { message: "annotations.error.notFound" });
    assertAuthor(actor, row);
    if (revision.current !== revision.id) throw new AppError("conflict", { message: "annotations.error.staleRevision" });

    const [anchor] = await tx
      .select()
      .from(annotationAnchors)
      .where(and(eq(annotationAnchors.annotationId, row.id), eq(annotationAnchors.revisionId, revision.id)))
      .limit(1)
      .for("update");
    if (!anchor?.orphaned) throw new AppError("conflict", { message: "annotations.error.notOrphaned" });
    const quote = revision.plainText.slice(data.start, data.end);
    if (data.end > revision.plainText.length || quote.trim() === "") {
      throw new AppError("invalid", { message: "annotations.error.quoteMismatch", fields: { end: "annotations.error.quoteMismatch" } });
    }

    const selector = selectorAt(revision.plainText, data.start, data.end);
    const [updated] = await tx
      .update(annotations)
      .set({ selector, revisionId: revision.id, ...touched(now) })
      .where(eq(annotations.id, row.id))
      .returning({ version: annotations.version });
    await tx
      .update(annotationAnchors)
      .set({ start: data.start, end: data.end, orphaned: false, method: MANUAL_ANCHOR })
      .where(and(eq(annotationAnchors.annotationId, row.id), eq(annotationAnchors.revisionId, revision.id)));
    await recordActivity(tx, {
      actorId: actor.id,
      action: "annotation.reattached",
      entityType: "annotation",
      entityId: row.id,
      before: row.isPrivate ? { isPrivate: true } : { quote: row.selector.quote, method: anchor.method },
      after: row.isPrivate ? { isPrivate: true } : { quote: selector.quote, method: MANUAL_ANCHOR },
      privateTo: row.isPrivate ? row.authorId : null,
    });
    return { version: updated.version };
  });
}
