import "server-only";
import { lastChange } from "../activity/queries";
import { AppError } from "../actions/result";
import { getResponseItem } from "./queries";

/**
 * Runs a write on item `id`; a refusal for a stale version comes back carrying the item as saved
 * now and who saved it, so the form can merge (the edit form) or say what it became (owner,
 * status) and send again against the new version.
 */
export async function withItemConflict<T>(id: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "conflict") throw error;
    const [item, change] = await Promise.all([getResponseItem(id), lastChange("response_item", id)]);
    if (!item) throw new AppError("not_found");
    throw error.withDetails({
      current: {
        id: item.id,
        version: item.version,
        title: item.title,
        description: item.description,
        nodeIds: item.nodes.map((n) => n.id),
        priority: item.priority,
        dueOn: item.dueOn ?? "",
        status: item.status,
        ownerId: item.ownerId,
      },
      changedBy: change?.by ?? null,
      changedAt: change?.at ?? null,
    });
  }
}
