import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { notificationKinds } from "../vocab";
import { muteKindsSchema, type MuteKindsInput } from "./schemas";

/** Sets which kinds of notification one no longer wants (muted kinds are not created at all). */
export async function setMutedKinds({ actor, input }: { actor: Actor; input: MuteKindsInput }) {
  assertCan(actor, "profile.update");
  const muted = notificationKinds.filter((kind) => muteKindsSchema.parse(input).muted.includes(kind));
  return db().transaction(async (tx) => {
    const [before] = await tx.select({ muted: users.mutedNotificationKinds }).from(users).where(eq(users.id, actor.id)).for("update");
    if (before && before.muted.join() === muted.join()) return { muted };
    await tx
      .update(users)
      .set({ mutedNotificationKinds: muted, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await recordActivity(tx, {
      actorId: actor.id,
      action: "notification.muted_kinds_changed",
      entityType: "user",
      entityId: actor.id,
      before: { mutedNotificationKinds: before?.muted ?? [] },
      after: { mutedNotificationKinds: muted },
    });
    return { muted };
  });
}
