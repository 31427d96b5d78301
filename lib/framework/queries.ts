import "server-only";
import { and, asc, count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import {
  frameworkDimensions,
  frameworkNodes,
  policies,
  policyFrameworkNodes,
  responseItemFrameworkNodes,
  responseItems,
} from "../../db/schema";

/** A framework node as shown on a chip. */
export type NodeChip = { id: string; labelKo: string; labelEn: string; dimensionKey: string };

export type FrameworkNodeView = NodeChip & { description: string | null; policyCount: number; itemCount: number; version: number };
export type FrameworkDimensionView = { id: string; key: string; nameKo: string; nameEn: string; nodes: FrameworkNodeView[] };

const chipColumns = {
  id: frameworkNodes.id,
  labelKo: frameworkNodes.labelKo,
  labelEn: frameworkNodes.labelEn,
  dimensionKey: frameworkDimensions.key,
};

function groupChips<T extends NodeChip & { ownerId: string }>(rows: T[]): Map<string, NodeChip[]> {
  const byOwner = new Map<string, NodeChip[]>();
  for (const { ownerId, ...chip } of rows) {
    const list = byOwner.get(ownerId) ?? [];
    list.push({ id: chip.id, labelKo: chip.labelKo, labelEn: chip.labelEn, dimensionKey: chip.dimensionKey });
    byOwner.set(ownerId, list);
  }
  return byOwner;
}

/** The framework nodes of each policy in `policyIds`, in dimension then node order. */
export async function nodesForPolicies(policyIds: string[]): Promise<Map<string, NodeChip[]>> {
  if (policyIds.length === 0) return new Map();
  const rows = await db()
    .select({ ownerId: policyFrameworkNodes.policyId, ...chipColumns })
    .from(policyFrameworkNodes)
    .innerJoin(frameworkNodes, eq(frameworkNodes.id, policyFrameworkNodes.nodeId))
    .innerJoin(frameworkDimensions, eq(frameworkDimensions.id, frameworkNodes.dimensionId))
    .where(inArray(policyFrameworkNodes.policyId, policyIds))
    .orderBy(asc(frameworkDimensions.position), asc(frameworkNodes.position));
  return groupChips(rows);
}

/** The framework nodes of each response item in `itemIds`, in dimension then node order. */
export async function nodesForResponseItems(itemIds: string[]): Promise<Map<string, NodeChip[]>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db()
    .select({ ownerId: responseItemFrameworkNodes.responseItemId, ...chipColumns })
    .from(responseItemFrameworkNodes)
    .innerJoin(frameworkNodes, eq(frameworkNodes.id, responseItemFrameworkNodes.nodeId))
    .innerJoin(frameworkDimensions, eq(frameworkDimensions.id, frameworkNodes.dimensionId))
    .where(inArray(responseItemFrameworkNodes.responseItemId, itemIds))
    .orderBy(asc(frameworkDimensions.position), asc(frameworkNodes.position));
  return groupChips(rows);
}

/**
 * The dimensions with their live nodes (not archived, not merged away), and per node how many
 * live policies and response items are linked to it. Screens that only need the nodes' names (the
 * item pickers and filters) pass `counts: false`: counting every policy tag is the costly part.
 */
export async function getFrameworkOverview({ counts = true }: { counts?: boolean } = {}): Promise<FrameworkDimensionView[]> {
  const none = Promise.resolve([] as { nodeId: string; n: number }[]);
  const [dimensions, nodes, policyCounts, itemCounts] = await Promise.all([
    db().select().from(frameworkDimensions).orderBy(asc(frameworkDimensions.position)),
    db()
      .select()
      .from(frameworkNodes)
      .where(and(isNull(frameworkNodes.archivedAt), isNull(frameworkNodes.mergedIntoId)))
      .orderBy(asc(frameworkNodes.position)),
    counts
      ? db()
          .select({ nodeId: policyFrameworkNodes.nodeId, n: count() })
          .from(policyFrameworkNodes)
          .innerJoin(policies, eq(policies.id, policyFrameworkNodes.policyId))
          .where(isNull(policies.deletedAt))
          .groupBy(policyFrameworkNodes.nodeId)
      : none,
    counts
      ? db()
          .select({ nodeId: responseItemFrameworkNodes.nodeId, n: count() })
          .from(responseItemFrameworkNodes)
          .innerJoin(responseItems, eq(responseItems.id, responseItemFrameworkNodes.responseItemId))
          .where(isNull(responseItems.archivedAt))
          .groupBy(responseItemFrameworkNodes.nodeId)
      : none,
  ]);
  const policyCount = new Map(policyCounts.map((r) => [r.nodeId, Number(r.n)]));
  const itemCount = new Map(itemCounts.map((r) => [r.nodeId, Number(r.n)]));
  return dimensions.map((d) => ({
    id: d.id,
    key: d.key,
    nameKo: d.nameKo,
    nameEn: d.nameEn,
    nodes: nodes
      .filter((n) => n.dimensionId === d.id)
      .map((n) => ({
        id: n.id,
        labelKo: n.labelKo,
        labelEn: n.labelEn,
        dimensionKey: d.key,
        description: n.description,
        version: n.version,
        policyCount: policyCount.get(n.id) ?? 0,
        itemCount: itemCount.get(n.id) ?? 0,
      })),
  }));
}

export type ArchivedNode = { id: string; labelKo: string; labelEn: string; dimensionId: string };

/** Archived (not merged) nodes: their tags stay on policies and items; an editor can bring them back. */
export async function listArchivedNodes(): Promise<ArchivedNode[]> {
  return db()
    .select({ id: frameworkNodes.id, labelKo: frameworkNodes.labelKo, labelEn: frameworkNodes.labelEn, dimensionId: frameworkNodes.dimensionId })
    .from(frameworkNodes)
    .where(and(isNotNull(frameworkNodes.archivedAt), isNull(frameworkNodes.mergedIntoId)))
    .orderBy(asc(frameworkNodes.labelKo));
}
