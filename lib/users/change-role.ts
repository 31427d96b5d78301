import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import { memberChangeRefusal } from "../auth/permissions";
import type { Actor } from "../auth/session";
import { lockActiveAdmins, loadMemberForUpdate, touchedAndSignedOut } from "./member-rows";
import { changeRoleSchema, type ChangeRoleInput } from "./schemas";

/**
 * Gives a member another role. Their sessions end (the new role applies from a fresh sign-in),
 * and the team never loses its last admin.
 */
export async function changeRole({ actor, input, now = new Date() }: { actor: Actor; input: ChangeRoleInput; now?: Date }) {
  assertCan(actor, "members.manage");
  const { userId, role, version } = changeRoleSchema.parse(input);

  return db().transaction(async (tx) => {
    const activeAdminCount = await lockActiveAdmins(tx);
    const member = await loadMemberForUpdate(tx, userId, version);
    if (member.role === role) return { version: member.version };

    const active = member.deactivatedAt === null;
    const refusal = memberChangeRefusal({
      actorId: actor.id,
      target: { id: member.id, role: member.role, active },
      next: { role, active },
      activeAdminCount,
    });
    if (refusal === "self") throw new AppError("forbidden", { message: "members.cannotDemoteSelf" });
    if (refusal === "last_admin") throw new AppError("conflict", { message: "members.lastAdmin" });

    const [updated] = await tx
      .update(users)
      .set({ role, ...touchedAndSignedOut(now) })
      .where(eq(users.id, userId))
      .returning({ version: users.version });
    await recordActivity(tx, {
      actorId: actor.id,
      action: "user.role_changed",
      entityType: "user",
      entityId: userId,
      before: { role: member.role },
      after: { role },
    });
    return { version: updated.version };
  });
}
