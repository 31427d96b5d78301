import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { loadMemberForUpdate, touchedAndSignedOut } from "./member-rows";
import { memberStatusSchema, type MemberStatusInput } from "./schemas";

/** Lets a deactivated member sign in again, with the role they had. */
export async function reactivateMember({ actor, input, now = new Date() }: { actor: Actor; input: MemberStatusInput; now?: Date }) {
  assertCan(actor, "members.manage");
  const { userId, version } = memberStatusSchema.parse(input);

  return db().transaction(async (tx) => {
    const member = await loadMemberForUpdate(tx, userId, version);
    if (!member.deactivatedAt) return { version: member.version };

    // Deactivation already ended the old sessions; moving the version again keeps every status
    // change ending sessions, so no token can outlive a change it did not see.
    const [updated] = await tx
      .update(users)
      .set({ deactivatedAt: null, ...touchedAndSignedOut(now) })
      .where(eq(users.id, userId))
      .returning({ version: users.version });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "user.reactivated",
      entityType: "user",
      entityId: userId,
      before: { deactivatedAt: member.deactivatedAt.toISOString() },
      after: { deactivatedAt: null },
    });
    return { version: updated.version };
  });
}
