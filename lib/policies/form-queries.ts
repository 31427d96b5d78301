import "server-only";
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { db } from "../../db/client";
import { briefRevisions, briefs, frameworkDimensions, frameworkNodes, issuingBodies } from "../../db/schema";
import type { IssuingBodyView } from "./queries";

/** A node to pick; `archived` when it is kept only because the record already has it. */
export type FrameworkOption = { id: string; labelKo: string; labelEn: string; archived?: boolean };
export type DimensionOptions = { id: string; key: string; nameKo: string; nameEn: string; nodes: FrameworkOption[] };

/** Every issuing body, by Korean name: the form's picker and the list's filter. */
export async function listIssuingBodies(): Promise<IssuingBodyView[]> {
  return db()
    .select({
      id: issuingBodies.id,
      nameZh: issuingBodies.nameZh,
      nameKo: issuingBodies.nameKo,
      nameEn: issuingBodies.nameEn,
      abbreviation: issuingBodies.abbreviation,
    })
    .from(issuingBodies)
    .orderBy(asc(issuingBodies.nameKo));
}

/** The dimensions with their live nodes (not archived, not merged), in order. */
export async function listFrameworkOptions(keep: string[] = []): Promise<DimensionOptions[]> {
  // Live nodes, and the archived ones the record being edited already has (kept, shown as archived).
  const pickable = keep.length ? or(isNull(frameworkNodes.archivedAt), inArray(frameworkNodes.id, keep)) : isNull(frameworkNodes.archivedAt);
  const [dimensions, nodes] = await Promise.all([
    db().select().from(frameworkDimensions).orderBy(asc(frameworkDimensions.position)),
    db()
      .select({ id: frameworkNodes.id, dimensionId: frameworkNodes.dimensionId, labelKo: frameworkNodes.labelKo, labelEn: frameworkNodes.labelEn, archivedAt: frameworkNodes.archivedAt })
      .from(frameworkNodes)
      .where(and(pickable, isNull(frameworkNodes.mergedIntoId)))
      .orderBy(asc(frameworkNodes.position)),
  ]);
  return dimensions.map((d) => ({
    id: d.id,
    key: d.key,
    nameKo: d.nameKo,
    nameEn: d.nameEn,
    nodes: nodes.filter((n) => n.dimensionId === d.id).map(({ id, labelKo, labelEn, archivedAt }) => ({ id, labelKo, labelEn, ...(archivedAt ? { archived: true } : {}) })),
  }));
}

/** The current revision's plain text, where passages are picked (offsets count in it). */
export async function getBriefPlainText(): Promise<{ revisionId: string; text: string } | null> {
  const [row] = await db()
    .select({ revisionId: briefRevisions.id, text: briefRevisions.plainText })
    .from(briefs)
    .innerJoin(briefRevisions, eq(briefRevisions.id, briefs.currentRevisionId))
    .orderBy(asc(briefs.createdAt))
    .limit(1);
  return row ?? null;
}
