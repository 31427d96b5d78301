import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { annotationAnchors, annotations, briefRevisions, frameworkNodes, policyPassages, responseItems, type PassageSelector } from "../../db/schema";
import { type AnchorBudget, anchorSelector } from "../annotations/anchoring";
import { selectorAt } from "./selectors";

type AnchorRow = typeof annotationAnchors.$inferInsert;
type Revision = { id: string; plainText: string };

/**
 * Where each live annotation of the brief sits on the new text. An annotation placed on the
 * previous revision is re-anchored from there (its passage as it last read); one orphaned there
 * tries its original selector again, so a passage that comes back finds its note again. Oldest
 * first, so a budget runs out on the same annotations every time.
 */
export async function reanchorAnnotations(tx: Executor, briefId: string, previous: Revision | null, next: Revision, budget: AnchorBudget): Promise<AnchorRow[]> {
  const live = await tx
    .select({ id: annotations.id, selector: annotations.selector })
    .from(annotations)
    .where(and(eq(annotations.briefId, briefId), isNull(annotations.deletedAt)))
    .orderBy(asc(annotations.createdAt), asc(annotations.id));
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
    const anchor = anchorSelector(selector, next.plainText, budget);
    return { annotationId: annotation.id, revisionId: next.id, start: anchor.start, end: anchor.end, orphaned: anchor.orphaned, method: anchor.method };
  });
}

export type PassageCounts = { placed: number; orphaned: number };

/**
 * Moves the passages that policies, response items and framework nodes cite onto the new
 * revision, by the annotations' algorithm: a placed passage gets the new revision and its
 * selector there; one that cannot be placed is marked orphaned and keeps the revision and
 * selector it was last seen with (a later revision may bring it back). One statement per table.
 */
export async function reanchorPassages(tx: Executor, briefId: string, next: Revision, budget: AnchorBudget): Promise<PassageCounts> {
  const ofBrief = tx.select({ id: briefRevisions.id }).from(briefRevisions).where(eq(briefRevisions.briefId, briefId));
  const counts: PassageCounts = { placed: 0, orphaned: 0 };
  const place = (selector: PassageSelector) => {
    const anchor = anchorSelector(selector, next.plainText, budget);
    counts[anchor.orphaned ? "orphaned" : "placed"]++;
    return anchor.orphaned
      ? { revisionId: null, selector: null, orphaned: true }
      : { revisionId: next.id, selector: selectorAt(next.plainText, anchor.start, anchor.end), orphaned: false };
  };

  const policyRows = await tx
    .select({ id: policyPassages.id, selector: policyPassages.selector })
    .from(policyPassages)
    .where(inArray(policyPassages.revisionId, ofBrief))
    .orderBy(asc(policyPassages.createdAt), asc(policyPassages.id));
  const itemRows = await tx
    .select({ id: responseItems.id, selector: responseItems.passage })
    .from(responseItems)
    .where(and(isNotNull(responseItems.passage), inArray(responseItems.passageRevisionId, ofBrief)))
    .orderBy(asc(responseItems.number));
  const nodeRows = await tx
    .select({ id: frameworkNodes.id, selector: frameworkNodes.passage })
    .from(frameworkNodes)
    .where(and(isNotNull(frameworkNodes.passage), inArray(frameworkNodes.passageRevisionId, ofBrief)))
    .orderBy(asc(frameworkNodes.createdAt), asc(frameworkNodes.id));

  const policyUpdates = policyRows.map((row) => ({ id: row.id, ...place(row.selector) }));
  const itemUpdates = itemRows.map((row) => ({ id: row.id, ...place(row.selector!) }));
  const nodeUpdates = nodeRows.map((row) => ({ id: row.id, ...place(row.selector!) }));

  await moveAnchors(tx, "policy_passages", { revision: "revision_id", selector: "selector", orphaned: "orphaned" }, policyUpdates);
  await moveAnchors(tx, "response_items", { revision: "passage_revision_id", selector: "passage", orphaned: "passage_orphaned" }, itemUpdates);
  await moveAnchors(tx, "framework_nodes", { revision: "passage_revision_id", selector: "passage", orphaned: "passage_orphaned" }, nodeUpdates);
  return counts;
}

/**
 * One bulk update of a table's anchor columns from `updates`. A null revision or selector keeps
 * the row's own (an orphan keeps where it was last seen).
 */
async function moveAnchors(
  tx: Executor,
  table: string,
  columns: { revision: string; selector: string; orphaned: string },
  updates: { id: string; revisionId: string | null; selector: unknown; orphaned: boolean }[],
): Promise<void> {
  if (updates.length === 0) return;
  const [revision, selector, orphaned] = [sql.identifier(columns.revision), sql.identifier(columns.selector), sql.identifier(columns.orphaned)];
  await tx.execute(sql`
    update ${sql.identifier(table)} t set
      ${revision} = coalesce(v."revisionId", t.${revision}),
      ${selector} = coalesce(v.selector, t.${selector}),
      ${orphaned} = v.orphaned
    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id uuid, "revisionId" uuid, selector jsonb, orphaned boolean)
    where t.id = v.id`);
}
