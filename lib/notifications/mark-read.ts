import { and, eq, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { notifications } from "../../db/schema";
import { AppError } from "../actions/result";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { notificationsChanged, publish } from "../live/publish";
import { markReadSchema, type MarkReadInput } from "./schemas";

/*
 * Reading a notification changes nothing of the team's work, so it writes no activity entry (the
 * audit trail is about the workspace, not about who read what); the row's readAt is the record.
 */

/** Marks one of one's own notifications read (someone else's is not found). */
export async function markNotificationRead({ actor, input, now = new Date() }: { actor: Actor; input: MarkReadInput; now?: Date }) {
  assertCan(actor, "workspace.read");
  const { notificationId } = markReadSchema.parse(input);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, notificationId), eq(notifications.userId, actor.id)))
      .limit(1);
    if (!row) throw new AppError("not_found");
    if (!row.readAt) {
      await tx.update(notifications).set({ readAt: now }).where(eq(notifications.id, notificationId));
      await publish(tx, notificationsChanged(actor.id));
    }
    return { notificationId };
  });
}

/** Marks all of one's unread notifications read; returns how many. */
export async function markAllNotificationsRead({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  assertCan(actor, "workspace.read");
  return db().transaction(async (tx) => {
    const updated = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (updated.length) await publish(tx, notificationsChanged(actor.id));
    return { count: updated.length };
  });
}
