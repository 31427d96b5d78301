import "server-only";
import { and, asc, count, countDistinct, eq, gte, inArray, isNull, notExists, or, sql } from "drizzle-orm";
import { db } from "../../db/client";
import {
  frameworkDimensions,
  frameworkNodes,
  impacts,
  policies,
  policyFrameworkNodes,
  responseItemFrameworkNodes,
  responseItems,
} from "../../db/schema";
import { isUuid } from "../uuid";
import type { ItemStatus } from "../vocab";

/** How far back "recent policies" reach for blind spots. */
export const BLIND_SPOT_DAYS = 180;

/**
 * Items per page of the matrix (its columns). Twenty-five columns fill a laptop screen; five hundred
 * would be a 100,000-cell table no one can read, and too heavy to send.
 */
export const MATRIX_PAGE_SIZE = 25;

export type MatrixNode = { id: string; labelKo: string; labelEn: string };
export type MatrixDimension = { id: string; nameKo: string; nameEn: string; nodes: MatrixNode[] };
export type MatrixItem = { id: string; number: number; title: string; status: ItemStatus; needsReview: boolean };
export type BlindSpot = { nodeId: string; recentPolicies: number };

export type FrameworkMatrix = {
  dimensions: MatrixDimension[];
  /** This page's items, by number. */
  items: MatrixItem[];
  /** The page shown (clamped to the last one) and how many there are. */
  page: number;
  pages: number;
  totalItems: number;
  /** `${itemId}:${nodeId}` of every node an item of this page covers. */
  covers: Set<string>;
  /** `${itemId}:${nodeId}` → live policies tagged with the node that affect the item. */
  policyCounts: Map<string, number>;
  blindSpots: BlindSpot[];
};

export const cellKey = (itemId: string, nodeId: string) => `${itemId}:${nodeId}`;

/** A calendar date `days` before `now` ('YYYY-MM-DD'). */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Everything one page of the framework matrix shows, in five queries whatever its size: live
 * nodes by dimension, the page's live items with their needs-review state (and the total), their
 * coverage, their per-cell policy counts via live impacts, and nodes with recent policies that no
 * live item covers (blind spots look at every item, not just the page's).
 */
export async function getFrameworkMatrix({ page = 1, now = new Date() }: { page?: number; now?: Date } = {}): Promise<FrameworkMatrix> {
  const cutoff = daysBefore(now, BLIND_SPOT_DAYS);
  const totalItems = await countLiveItems();
  const pages = Math.max(1, Math.ceil(totalItems / MATRIX_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const pageItemIds = db()
    .select({ id: responseItems.id })
    .from(responseItems)
    .where(isNull(responseItems.archivedAt))
    .orderBy(asc(responseItems.number))
    .limit(MATRIX_PAGE_SIZE)
    .offset((current - 1) * MATRIX_PAGE_SIZE);
  const liveNode = and(isNull(frameworkNodes.archivedAt), isNull(frameworkNodes.mergedIntoId));
  const liveImpact = and(isNull(impacts.removedAt), isNull(policies.deletedAt), isNull(responseItems.archivedAt));
  // A live impact is unique per (policy, item) and a tag per (policy, node): count(*) is exact.
  const perCell = db()
    .select({ itemId: impacts.responseItemId, nodeId: policyFrameworkNodes.nodeId, n: count().as("n") })
    .from(impacts)
    .innerJoin(policies, eq(policies.id, impacts.policyId))
    .innerJoin(responseItems, eq(responseItems.id, impacts.responseItemId))
    .innerJoin(policyFrameworkNodes, eq(policyFrameworkNodes.policyId, impacts.policyId))
    .where(and(liveImpact, inArray(impacts.responseItemId, pageItemIds)))
    .groupBy(impacts.responseItemId, policyFrameworkNodes.nodeId)
    .as("cell");
  const [nodeRows, itemRows, coverRows, countRows, recentRows] = await Promise.all([
    db()
      .select({
        dimensionId: frameworkDimensions.id,
        nameKo: frameworkDimensions.nameKo,
        nameEn: frameworkDimensions.nameEn,
        id: frameworkNodes.id,
        labelKo: frameworkNodes.labelKo,
        labelEn: frameworkNodes.labelEn,
      })
      .from(frameworkNodes)
      .innerJoin(frameworkDimensions, eq(frameworkDimensions.id, frameworkNodes.dimensionId))
      .where(liveNode)
      .orderBy(asc(frameworkDimensions.position), asc(frameworkNodes.position)),
    db()
      .select({
        id: responseItems.id,
        number: responseItems.number,
        title: responseItems.title,
        status: responseItems.status,
        // Spelled out with aliases: drizzle leaves columns unqualified in a select without joins.
        // A scalar count, not EXISTS: Postgres may turn an EXISTS into one hash over every open
        // impact, where the page's forty items need forty index probes.
        needsReview: sql<boolean>`(select count(*) from impacts i join policies p on p.id = i.policy_id where i.response_item_id = "response_items"."id" and i.removed_at is null and i.acknowledged_at is null and p.deleted_at is null) > 0`,
      })
      .from(responseItems)
      .where(isNull(responseItems.archivedAt))
      .orderBy(asc(responseItems.number))
      .limit(MATRIX_PAGE_SIZE)
      .offset((current - 1) * MATRIX_PAGE_SIZE),
    db()
      .select({ itemId: responseItemFrameworkNodes.responseItemId, nodeId: responseItemFrameworkNodes.nodeId })
      .from(responseItemFrameworkNodes)
      .where(inArray(responseItemFrameworkNodes.responseItemId, pageItemIds)),
    // One row per item with its cells as a JSON object: tens of thousands of cells would otherwise
    // cost more to decode row by row than to compute.
    db()
      .select({ itemId: perCell.itemId, counts: sql<Record<string, number>>`json_object_agg(${perCell.nodeId}, ${perCell.n})` })
      .from(perCell)
      .groupBy(perCell.itemId),
    // From the live nodes no live item covers to their recent policies: starting from the
    // (few) uncovered nodes keeps this to index probes instead of a scan of every policy tag.
    db()
      .select({ nodeId: frameworkNodes.id, n: countDistinct(policies.id) })
      .from(frameworkNodes)
      .innerJoin(policyFrameworkNodes, eq(policyFrameworkNodes.nodeId, frameworkNodes.id))
      .innerJoin(policies, eq(policies.id, policyFrameworkNodes.policyId))
      .where(
        and(
          liveNode,
          isNull(policies.deletedAt),
          or(gte(policies.announcedOn, cutoff), gte(policies.createdAt, new Date(cutoff))),
          notExists(
            db()
              .select({ one: sql`1` })
              .from(responseItemFrameworkNodes)
              .innerJoin(responseItems, eq(responseItems.id, responseItemFrameworkNodes.responseItemId))
              .where(and(eq(responseItemFrameworkNodes.nodeId, frameworkNodes.id), isNull(responseItems.archivedAt))),
          ),
        ),
      )
      .groupBy(frameworkNodes.id),
  ]);

  const dimensions: MatrixDimension[] = [];
  for (const row of nodeRows) {
    let dim = dimensions.at(-1);
    if (!dim || dim.id !== row.dimensionId) {
      dim = { id: row.dimensionId, nameKo: row.nameKo, nameEn: row.nameEn, nodes: [] };
      dimensions.push(dim);
    }
    dim.nodes.push({ id: row.id, labelKo: row.labelKo, labelEn: row.labelEn });
  }
  const covers = new Set(coverRows.map((r) => cellKey(r.itemId, r.nodeId)));
  const liveNodes = new Set(nodeRows.map((r) => r.id));
  return {
    dimensions,
    items: itemRows,
    page: current,
    pages,
    totalItems,
    covers,
    policyCounts: new Map(countRows.flatMap((r) => Object.entries(r.counts).map(([nodeId, n]) => [cellKey(r.itemId, nodeId), Number(n)] as const))),
    blindSpots: recentRows
      .filter((r) => liveNodes.has(r.nodeId))
      .map((r) => ({ nodeId: r.nodeId, recentPolicies: Number(r.n) })),
  };
}

async function countLiveItems(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(responseItems).where(isNull(responseItems.archivedAt));
  return Number(row?.n ?? 0);
}

export type CellPolicy = { id: string; titleKo: string; announcedOn: string | null; note: string; acknowledged: boolean };

/** The policies behind one cell: tagged with the node, affecting the item through a live impact. */
export async function cellPolicies(itemId: string, nodeId: string): Promise<CellPolicy[]> {
  if (!isUuid(itemId) || !isUuid(nodeId)) return [];
  return db()
    .select({
      id: policies.id,
      titleKo: policies.titleKo,
      announcedOn: policies.announcedOn,
      note: impacts.note,
      acknowledged: sql<boolean>`${impacts.acknowledgedAt} is not null`,
    })
    .from(impacts)
    .innerJoin(policies, eq(policies.id, impacts.policyId))
    .innerJoin(policyFrameworkNodes, and(eq(policyFrameworkNodes.policyId, policies.id), eq(policyFrameworkNodes.nodeId, nodeId)))
    .where(and(eq(impacts.responseItemId, itemId), isNull(impacts.removedAt), isNull(policies.deletedAt)))
    .orderBy(sql`${policies.announcedOn} desc nulls last`);
}

/** Recent live policies tagged with a node (for a blind spot's list). */
export async function recentPoliciesOfNode(nodeId: string, now = new Date()): Promise<CellPolicy[]> {
  if (!isUuid(nodeId)) return [];
  const cutoff = daysBefore(now, BLIND_SPOT_DAYS);
  return db()
    .select({ id: policies.id, titleKo: policies.titleKo, announcedOn: policies.announcedOn, note: sql<string>`''`, acknowledged: sql<boolean>`false` })
    .from(policyFrameworkNodes)
    .innerJoin(policies, eq(policies.id, policyFrameworkNodes.policyId))
    .where(
      and(
        inArray(policyFrameworkNodes.nodeId, [nodeId]),
        isNull(policies.deletedAt),
        or(gte(policies.announcedOn, cutoff), gte(policies.createdAt, new Date(cutoff))),
      ),
    )
    .orderBy(sql`${policies.announcedOn} desc nulls last`)
    .limit(200);
}
