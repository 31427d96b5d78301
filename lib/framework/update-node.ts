import { eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { frameworkNodes } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadLiveNode } from "./node-rows";
import { type UpdateNodeInput, updateNodeSchema } from "./schemas";
import { frameworkNodeSearch } from "../search/documents";

/** Renames (ko/en) and describes a node, refusing an edit made on a stale version. */
export async function updateNode({ actor, input }: { actor: Actor; input: UpdateNodeInput }) {
  assertCan(actor, "framework.edit");
  const data = updateNodeSchema.parse(input);
  return db().transaction(async (tx) => {
    const node = await loadLiveNode(tx, data.id);
    if (node.version !== data.version) throw new AppError("conflict");
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ["labelKo", "labelEn", "description"] as const) {
      if (node[key] !== data[key]) {
        before[key] = node[key];
        after[key] = data[key];
      }
    }
    if (!Object.keys(after).length) return { version: node.version };
    const [row] = await tx
      .update(frameworkNodes)
      .set({ labelKo: data.labelKo, labelEn: data.labelEn, description: data.description, ...frameworkNodeSearch(data), version: sql`${frameworkNodes.version} + 1`, updatedAt: new Date() })
      .where(eq(frameworkNodes.id, data.id))
      .returning({ version: frameworkNodes.version });
    await recordActivity(tx, { actorId: actor.id, action: "framework_node.updated", entityType: "framework_node", entityId: data.id, before, after });
    return { version: row.version };
  });
}
