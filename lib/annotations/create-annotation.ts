import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { annotationAnchors, annotations, briefRevisions, briefs } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { selectorAt } from "../brief/selectors";
import { plainTextOf } from "../editor/plain-text";
import { createAnnotationSchema, type CreateAnnotationInput } from "./schemas";
import { bodyMentions, notifyAnnotationMentions } from "./rows";
import { annotationSearch } from "../search/documents";

/** What an activity entry keeps of an annotation: nothing of a private note's content. */
export function annotationAudit(row: { isPrivate: boolean; tags: string[]; status: string; selector: { quote: string } }) {
  return row.isPrivate ? { isPrivate: true } : { quote: row.selector.quote, tags: row.tags, status: row.status };
}

/**
 * Annotates a passage of the brief's current revision. The offsets must hold the quote in that
 * revision's plain text (the client counts in the same text), so a stale page or a forged offset
 * is refused rather than stored on the wrong words.
 */
export async function createAnnotation({ actor, input }: { actor: Actor; input: CreateAnnotationInput }) {
  assertCan(actor, "annotations.edit");
  const data = createAnnotationSchema.parse(input);

  return db().transaction(async (tx) => {
    const [revision] = await tx
      .select({ id: briefRevisions.id, briefId: briefRevisions.briefId, plainText: briefRevisions.plainText, current: briefs.currentRevisionId })
      .from(briefRevisions)
      .innerJoin(briefs, eq(briefs.id, briefRevisions.briefId))
      .where(eq(briefRevisions.id, data.revisionId))
      .limit(1);
    if (!revision) throw new AppError("not_found", { message: "annotations.error.revisionNotFound" });
    if (revision.current !== revision.id) throw new AppError("conflict", { message: "annotations.error.staleRevision" });
    if (revision.plainText.slice(data.start, data.end) !== data.quote) {
      throw new AppError("invalid", { message: "annotations.error.quoteMismatch", fields: { quote: "annotations.error.quoteMismatch" } });
    }

    const selector = selectorAt(revision.plainText, data.start, data.end);
    const [row] = await tx
      .insert(annotations)
      .values({
        briefId: revision.briefId,
        revisionId: revision.id,
        selector,
        body: data.body,
        bodyText: plainTextOf(data.body),
        mentionedUserIds: bodyMentions(data.body),
        tags: data.tags,
        isPrivate: data.isPrivate,
        authorId: actor.id,
        ...annotationSearch({ bodyText: plainTextOf(data.body), tags: data.tags }),
      })
      .returning();
    await tx
      .insert(annotationAnchors)
      .values({ annotationId: row.id, revisionId: revision.id, start: data.start, end: data.end, orphaned: false, method: "original" });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "annotation.created",
      entityType: "annotation",
      entityId: row.id,
      after: annotationAudit(row),
      privateTo: row.isPrivate ? row.authorId : null,
    });
    await notifyAnnotationMentions(tx, actor, row);
    return { annotationId: row.id, version: row.version };
  });
}
