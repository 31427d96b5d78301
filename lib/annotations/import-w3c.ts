import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { annotationAnchors, annotations, briefRevisions, briefs } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { selectorAt } from "../brief/selectors";
import { publish } from "../live/publish";
import { AnchorBudget, anchorSelector } from "./anchoring";
import { annotationAudit } from "./create-annotation";
import { normaliseTag } from "./schemas";
import { parseW3C } from "./w3c";
import { annotationSearch } from "../search/documents";


export const MAX_W3C_IMPORT = 2000;

export type W3CImportReport = { placed: number; orphaned: { quote: string }[]; skipped: number };

/** Plain text as a document: one paragraph per line. */
function textDoc(text: string) {
  const lines = text.split(/\r?\n/);
  return { type: "doc" as const, content: lines.map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })) };
}

/**
 * Imports W3C Web Annotations (e.g. exported from Hypothesis) onto the brief's current revision:
 * each is placed by the same re-anchoring as a new revision uses (quote, then position, then a
 * fuzzy match); those that cannot be placed are kept as orphans and listed. The importer is their
 * author here; they are shared with the team (never private). One live event for the import.
 */
export async function importW3CAnnotations({ actor, briefId, json }: { actor: Actor; briefId: string; json: unknown }): Promise<W3CImportReport> {
  assertCan(actor, "annotations.edit");
  const { annotations: read, skipped } = parseW3C(json);
  if (read.length > MAX_W3C_IMPORT) throw new AppError("invalid", { fields: { file: "annotations.importTooMany" }, vars: { max: MAX_W3C_IMPORT } });
  return db().transaction(async (tx) => {
    const [revision] = await tx
      .select({ id: briefRevisions.id, plainText: briefRevisions.plainText })
      .from(briefs)
      .innerJoin(briefRevisions, and(eq(briefRevisions.id, briefs.currentRevisionId), eq(briefRevisions.briefId, briefs.id)))
      .where(eq(briefs.id, briefId))
      .limit(1);
    if (!revision) throw new AppError("not_found", { message: "annotations.error.briefNotFound" });
    const report: W3CImportReport = { placed: 0, orphaned: [], skipped };
    // One budget for the whole file, like a publish: the import holds a transaction too.
    const budget = new AnchorBudget();
    for (const item of read) {
      const anchor = anchorSelector(item.selector, revision.plainText, budget);
      const placed = !anchor.orphaned;
      const selector = anchor.orphaned ? item.selector : selectorAt(revision.plainText, anchor.start, anchor.end);
      const body = textDoc(item.text);
      const tags = [...new Set(item.tags.map(normaliseTag).filter(Boolean))];
      const [row] = await tx
        .insert(annotations)
        .values({
          briefId,
          revisionId: revision.id,
          selector,
          body,
          bodyText: item.text,
          mentionedUserIds: [],
          tags,
          isPrivate: false,
          authorId: actor.id,
          ...annotationSearch({ bodyText: item.text, tags }),
        })
        .returning();
      await tx.insert(annotationAnchors).values({
        annotationId: row.id,
        revisionId: revision.id,
        start: anchor.start,
        end: anchor.end,
        orphaned: anchor.orphaned,
        method: anchor.method,
      });
      await recordActivity(tx, { actorId: actor.id, action: "annotation.imported", entityType: "annotation", entityId: row.id, after: annotationAudit(row), publish: false });
      if (placed) report.placed++;
      else report.orphaned.push({ quote: item.selector.quote });
    }
    if (read.length) await publish(tx, { entityType: "annotation", entityId: "import", kind: "annotation.imported" });
    return report;
  });
}
