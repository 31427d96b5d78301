import { and, eq, isNull, max } from "drizzle-orm";
import { db, type Executor } from "../../db/client";
import { annotationAnchors, annotations, briefRevisions, briefs, type PassageSelector } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { anchorSelector } from "../annotations/anchoring";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { plainTextOf } from "../editor/plain-text";
import { publishRevisionSchema, type PublishRevisionInput } from "./schemas";
import { selectorAt } from "./selectors";
import { getCurrentBrief } from "./queries";
import { lastChange } from "../activity/queries";

type AnchorRow = typeof annotationAnchors.$inferInsert;

/**
 * Where each live annotation of the brief sits on the new text. An annotation placed on the
 * previous revision is re-anchored from there (its passage as it last read); one orphaned there
 * tries its original selector again, so a passage that comes back finds its note again.
 */
export async function reanchorAnnotations(
  tx: Executor,
  briefId: string,
  previous: { id: string; plainText: string } | null,
  next: { id: string; plainText: string },
): Promise<AnchorRow[]> {
  const live = await tx
    .select({ id: annotations.id, selector: annotations.selector })
    .from(annotations)
    .where(and(eq(annotations.briefId, briefId), isNull(annotations.deletedAt)));
  if (live.length === 0) return [];
  const previousAnchors = new Map<string, { start: number | null; end: number | null; orphaned: boolean }>();
  if (previous) {
    const rows = await tx
      .select({ annotationId: annotationAnchors.annotationId, start: annotationAnchors.start, end: annotationAnchors.end, orphaned: annotationAnchors.orphaned })
      .from(annotationAnchors)
      .where(eq(annotationAnchors.revisionId, previous.id));
    for (const row of rows) previousAnchors.set(row.annotationId, row);
  }
  return live.map((annotation) => {
    const last = previousAnchors.get(annotation.id);
    const selector: PassageSelector =
      previous && last && !last.orphaned && last.start !== null && last.end !== null
        ? selectorAt(previous.plainText, last.start, last.end)
        : annotation.selector;
    const anchor = anchorSelector(selector, next.plainText);
    return { annotationId: annotation.id, revisionId: next.id, start: anchor.start, end: anchor.end, orphaned: anchor.orphaned, method: anchor.method };
  });
}

/**
 * Publishes a new revision of the brief: the edited document becomes current (if nobody published
 * since the editor opened it), and every annotation is re-anchored onto it. Annotations that
 * cannot be placed are stored as orphaned anchors, never dropped.
 */
export async function publishRevision({ actor, input }: { actor: Actor; input: PublishRevisionInput }) {
  assertCan(actor, "briefs.edit");
  const data = publishRevisionSchema.parse(input);
  try {
    return await publish(actor, data);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") throw await revisionConflict(error, data.briefId);
    throw error;
  }
}

/**
 * A refused publish carries the revision that is current now (its document, number and author):
 * the form merges it with the edit, paragraph by paragraph, for the editor to publish again.
 */
async function revisionConflict(error: AppError, briefId: string): Promise<AppError> {
  const brief = await getCurrentBrief(briefId);
  if (!brief?.revision) return error;
  const change = await lastChange("brief", brief.id);
  return error.withDetails({
    current: { version: brief.version, doc: brief.revision.doc, number: brief.revision.number },
    changedBy: change?.by ?? null,
    changedAt: change?.at ?? null,
  });
}

function publish(actor: Actor, data: ReturnType<typeof publishRevisionSchema.parse>) {
  const plainText = plainTextOf(data.doc);

  return db().transaction(async (tx) => {
    const [brief] = await tx.select().from(briefs).where(eq(briefs.id, data.briefId)).limit(1).for("update");
    if (!brief) throw new AppError("not_found", { message: "annotations.error.briefNotFound" });
    if (brief.version !== data.version) throw new AppError("conflict", { message: "revisions.error.conflict" });

    const [previous] = brief.currentRevisionId
      ? await tx
          .select({ id: briefRevisions.id, number: briefRevisions.number, plainText: briefRevisions.plainText })
          .from(briefRevisions)
          .where(eq(briefRevisions.id, brief.currentRevisionId))
          .limit(1)
      : [];
    const [{ last }] = await tx.select({ last: max(briefRevisions.number) }).from(briefRevisions).where(eq(briefRevisions.briefId, brief.id));
    const [revision] = await tx
      .insert(briefRevisions)
      .values({ briefId: brief.id, number: (last ?? 0) + 1, doc: data.doc, plainText, authorId: actor.id, note: data.note })
      .returning({ id: briefRevisions.id, number: briefRevisions.number });
    const [updated] = await tx
      .update(briefs)
      .set({ currentRevisionId: revision.id, version: brief.version + 1, updatedAt: new Date() })
      .where(eq(briefs.id, brief.id))
      .returning({ version: briefs.version });

    const anchors = await reanchorAnnotations(tx, brief.id, previous ?? null, { id: revision.id, plainText });
    for (let i = 0; i < anchors.length; i += 500) await tx.insert(annotationAnchors).values(anchors.slice(i, i + 500));
    const orphaned = anchors.filter((a) => a.orphaned).map((a) => a.annotationId);

    await recordActivity(tx, {
      actorId: actor.id,
      action: "brief.revision_published",
      entityType: "brief",
      entityId: brief.id,
      before: { revision: previous?.number ?? null },
      after: { revision: revision.number, note: data.note, anchored: anchors.length - orphaned.length, orphaned: orphaned.length },
    });
    return { revisionNumber: revision.number, version: updated.version, anchored: anchors.length - orphaned.length, orphaned: orphaned.length };
  });
}

