import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { frameworkNodes, policyFrameworkNodes, responseItemFrameworkNodes } from "../../db/schema";
import { AppError } from "../actions/result";

/** A live (not archived, not merged) node, locked for the write; not_found otherwise. */
export async function loadLiveNode(tx: Executor, id: string) {
  const [node] = await tx
    .select()
    .from(frameworkNodes)
    .where(and(eq(frameworkNodes.id, id), isNull(frameworkNodes.archivedAt), isNull(frameworkNodes.mergedIntoId)))
    .for("update");
  if (!node) throw new AppError("not_found");
  return node;
}

/** How many policies and response items are tagged with the node (deleted or not: a tag is a tag). */
export async function nodeUsage(tx: Executor, id: string) {
  const [[p], [r], [m]] = await Promise.all([
    tx.select({ n: sql<number>`count(*)::int` }).from(policyFrameworkNodes).where(eq(policyFrameworkNodes.nodeId, id)),
    tx.select({ n: sql<number>`count(*)::int` }).from(responseItemFrameworkNodes).where(eq(responseItemFrameworkNodes.nodeId, id)),
    tx.select({ n: sql<number>`count(*)::int` }).from(frameworkNodes).where(eq(frameworkNodes.mergedIntoId, id)),
  ]);
  return { policies: p.n, responseItems: r.n, mergedFrom: m.n };
}
