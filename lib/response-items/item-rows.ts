import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { frameworkNodes, responseItemFrameworkNodes, responseItems, type ResponseItem } from "../../db/schema";
import { AppError } from "../actions/result";

/** Locks a live (or, with `archived`, any) item; refuses a stale `version` with a conflict. */
export async function loadItemForUpdate(
  tx: Executor,
  id: string,
  options: { version?: number; includeArchived?: boolean } = {},
): Promise<ResponseItem> {
  const [item] = await tx.select().from(responseItems).where(eq(responseItems.id, id)).for("update");
  if (!item || (item.archivedAt && !options.includeArchived)) throw new AppError("not_found");
  if (options.version !== undefined && item.version !== options.version) {
    throw new AppError("conflict", { message: "items.conflict" });
  }
  return item;
}

/**
 * Refuses ids that are not live framework nodes (a field error on `nodeIds`) — except archived
 * nodes in `kept` (the ones the item already has): an edit keeps them, they cannot be added anew.
 */
export async function assertLiveNodes(tx: Executor, nodeIds: string[], kept: string[] = []): Promise<void> {
  if (nodeIds.length === 0) return;
  const found = await tx
    .select({ id: frameworkNodes.id })
    .from(frameworkNodes)
    .where(
      and(
        inArray(frameworkNodes.id, nodeIds),
        isNull(frameworkNodes.mergedIntoId),
        kept.length ? or(isNull(frameworkNodes.archivedAt), inArray(frameworkNodes.id, kept)) : isNull(frameworkNodes.archivedAt),
      ),
    );
  if (found.length !== new Set(nodeIds).size) {
    throw new AppError("invalid", { fields: { nodeIds: "items.unknownNode" } });
  }
}

/** The item's node ids, sorted (for activity before/after). */
export async function nodeIdsOf(tx: Executor, itemId: string): Promise<string[]> {
  const rows = await tx
    .select({ nodeId: responseItemFrameworkNodes.nodeId })
    .from(responseItemFrameworkNodes)
    .where(eq(responseItemFrameworkNodes.responseItemId, itemId));
  return rows.map((r) => r.nodeId).sort();
}

/** Replaces the item's framework nodes. */
export async function replaceNodes(tx: Executor, itemId: string, nodeIds: string[]): Promise<void> {
  await tx.delete(responseItemFrameworkNodes).where(eq(responseItemFrameworkNodes.responseItemId, itemId));
  const unique = [...new Set(nodeIds)];
  if (unique.length) await tx.insert(responseItemFrameworkNodes).values(unique.map((nodeId) => ({ responseItemId: itemId, nodeId })));
}

/** Bumps the version and the change time. */
export const touched = (now: Date) => ({ version: sql`${responseItems.version} + 1`, updatedAt: now });
