import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import { memberChangeRefusal } from "../auth/permissions";
import type { Actor } from "../auth/session";
import { lockActiveAdmins, loadMemberForUpdate, touchedAndSignedOut } from "./member-rows";
import { memberStatusSchema, type MemberStatusInput } from "./schemas";

/**
 * Stops a member from signing in and ends their sessions. The row stays: their name remains on
 * everything they wrote, and they can be reactivated.
 */
export async function deactivateMember({ actor, input, now = new Date() }: { actor: Actor; input: MemberStatusInput; now?: Date }) {
  assertCan(actor, "members.manage");
  const { userId, version } = memberStatusSchema.parse(input);

  return db().transaction(async (tx) => {
    const activeAdminCount = await lockActiveAdmins(tx);
    const member = await loadMemberForUpdate(tx, userId, version);
    if (member.deactivatedAt) return { version: member.version };

    const refusal = memberChangeRefusal({
      actorId: actor.id,
      target: { id: member.id, role: member.role, active: true },
      next: { role: member.role, active: false },
      activeAdminCount,
    });
    // Checked for everyone, not only admins: an admin deactivating themself would be locked out.
    if (refusal === "self" || member.id === actor.id) throw new AppError("forbidden", { message: "members.cannotDeactivateSelf" });
    if (refusal === "last_admin") throw new AppError("conflict", { message: "members.lastAdmin" });

    const [updated] = await tx
      .update(users)
      .set({ deactivatedAt: now, ...touchedAndSignedOut(now) })
      .where(eq(users.id, userId))
      .returning({ version: users.version });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "user.deactivated",
      entityType: "user",
      entityId: userId,
      before: { deactivatedAt: null },
      after: { deactivatedAt: now.toISOString() },
    });
    return { version: updated.version };
  });
}
