import { eq, max } from "drizzle-orm";
import { db } from "../../db/client";
import { annotationAnchors, briefRevisions, briefs } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { AnchorBudget } from "../annotations/anchoring";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { plainTextOf } from "../editor/plain-text";
import { publishRevisionSchema, type PublishRevisionInput } from "./schemas";
import { reanchorAnnotations, reanchorPassages } from "./reanchor";
import { getCurrentBrief } from "./queries";
import { lastChange } from "../activity/queries";

/**
 * Publishes a new revision of the brief: the edited document becomes current (if nobody published
 * since the editor opened it), and every annotation is re-anchored onto it. Annotations that
 * cannot be placed are stored as orphaned anchors, never dropped; so are the passages policies,
 * response items and framework nodes cite. The re-anchoring shares one work budget, so the
 * brief's lock is held for a bounded time: what the budget cannot afford is orphaned as
 * `over_budget` (needs review) rather than searched for longer.
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

    const budget = new AnchorBudget();
    const next = { id: revision.id, plainText };
    const anchors = await reanchorAnnotations(tx, brief.id, previous ?? null, next, budget);
    for (let i = 0; i < anchors.length; i += 500) await tx.insert(annotationAnchors).values(anchors.slice(i, i + 500));
    const orphaned = anchors.filter((a) => a.orphaned).map((a) => a.annotationId);
    const needsReview = anchors.filter((a) => a.method === "over_budget").length;
    const passages = await reanchorPassages(tx, brief.id, next, budget);

    await recordActivity(tx, {
      actorId: actor.id,
      action: "brief.revision_published",
      entityType: "brief",
      entityId: brief.id,
      before: { revision: previous?.number ?? null },
      after: {
        revision: revision.number,
        note: data.note,
        anchored: anchors.length - orphaned.length,
        orphaned: orphaned.length,
        needsReview,
        passagesPlaced: passages.placed,
        passagesOrphaned: passages.orphaned,
      },
    });
    return {
      revisionNumber: revision.number,
      version: updated.version,
      anchored: anchors.length - orphaned.length,
      orphaned: orphaned.length,
      needsReview,
      passages,
    };
  });
}

