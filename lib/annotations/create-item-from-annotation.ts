import { and, desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { annotationAnchors, annotationLinks, briefRevisions, responseItems } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { selectorAt } from "../brief/selectors";
import { loadAnnotationForUpdate } from "./rows";
import { createItemFromAnnotationSchema, type CreateItemFromAnnotationInput } from "./schemas";
import { responseItemSearch } from "../search/documents";

const TITLE_LENGTH = 120;

/** The quote as a one-line title: whitespace collapsed, cut at a word when too long. */
export function titleFromQuote(quote: string): string {
  const line = quote.replace(/\s+/g, " ").trim();
  if (line.length <= TITLE_LENGTH) return line;
  const cut = line.slice(0, TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Turns an annotation into tracked work: a response item whose title is the quote and whose
 * passage is where the annotation sits now (on the brief's current revision when it is anchored
 * there, else where it was made), linked back to the annotation.
 */
export async function createItemFromAnnotation({ actor, input }: { actor: Actor; input: CreateItemFromAnnotationInput }) {
  assertCan(actor, "responseItems.edit");
  assertCan(actor, "annotations.edit");
  const data = createItemFromAnnotationSchema.parse(input);
  return db().transaction(async (tx) => {
    const row = await loadAnnotationForUpdate(tx, actor, data.annotationId, null);
    if (row.isPrivate) throw new AppError("conflict", { message: "annotations.error.privateLink" });

    // The newest placed anchor: the passage as the brief reads now.
    const [anchor] = await tx
      .select({ revisionId: annotationAnchors.revisionId, start: annotationAnchors.start, end: annotationAnchors.end, plainText: briefRevisions.plainText })
      .from(annotationAnchors)
      .innerJoin(briefRevisions, eq(briefRevisions.id, annotationAnchors.revisionId))
      .where(and(eq(annotationAnchors.annotationId, row.id), eq(annotationAnchors.orphaned, false)))
      .orderBy(desc(briefRevisions.number))
      .limit(1);
    const passage = anchor && anchor.start !== null && anchor.end !== null ? selectorAt(anchor.plainText, anchor.start, anchor.end) : row.selector;
    const passageRevisionId = anchor ? anchor.revisionId : row.revisionId;

    const title = data.title || titleFromQuote(passage.quote);
    const [item] = await tx
      .insert(responseItems)
      .values({ title, ...responseItemSearch({ title }), passageRevisionId, passage, createdById: actor.id })
      .returning({ id: responseItems.id, number: responseItems.number, title: responseItems.title });
    await tx.insert(annotationLinks).values({ annotationId: row.id, targetType: "response_item", targetId: item.id, createdById: actor.id });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "response_item.created",
      entityType: "response_item",
      entityId: item.id,
      after: { title: item.title, fromAnnotation: row.id },
    });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "annotation.linked",
      entityType: "annotation",
      entityId: row.id,
      after: { targetType: "response_item", targetId: item.id },
    });
    return { responseItemId: item.id };
  });
}
