import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { responseItems } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadItemForUpdate, touched } from "./item-rows";
import { archiveResponseItemSchema, type ArchiveResponseItemInput } from "./schemas";

/**
 * Archives or restores an item. Archiving hides it from lists, the board and the matrix; its
 * number stays its own (the sequence never hands it out again).
 */
export async function setResponseItemArchived({
  actor,
  input,
  archived,
  now = new Date(),
}: {
  actor: Actor;
  input: ArchiveResponseItemInput;
  archived: boolean;
  now?: Date;
}) {
  assertCan(actor, "responseItems.edit");
  const { id, version } = archiveResponseItemSchema.parse(input);
  return db().transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, id, { version, includeArchived: true });
    if ((item.archivedAt !== null) === archived) return { version: item.version };
    const [updated] = await tx
      .update(responseItems)
      .set({ archivedAt: archived ? now : null, ...touched(now) })
      .where(eq(responseItems.id, id))
      .returning({ version: responseItems.version });
    await recordActivity(tx, {
      actorId: actor.id,
      action: archived ? "response_item.archived" : "response_item.unarchived",
      entityType: "response_item",
      entityId: id,
      before: { archivedAt: item.archivedAt },
      after: { archivedAt: archived ? now : null },
    });
    return { version: updated.version };
  });
}
