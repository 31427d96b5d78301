import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import { hashPassword, verifyPassword } from "../auth/password";
import { accountKey, isRateLimited, recordFailure } from "../auth/rate-limit";
import type { Actor } from "../auth/session";
import { touchedAndSignedOut } from "./member-rows";
import { changePasswordSchema, type ChangePasswordInput } from "./schemas";

/**
 * Changes one's own password after checking the current one, and ends every session of the
 * account (the caller re-issues the current one). Wrong current passwords count against the
 * account's sign-in limit: a borrowed session must not become a way to guess the password.
 */
export async function changePassword({ actor, input, now = new Date() }: { actor: Actor; input: ChangePasswordInput; now?: Date }) {
  assertCan(actor, "profile.update");
  const { currentPassword, newPassword } = changePasswordSchema.parse(input);
  const keys = [accountKey(actor.email)];
  if (await isRateLimited(keys, { now })) throw new AppError("rate_limited");

  const [row] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw new AppError("unauthenticated");
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    await recordFailure(keys, { now });
    throw new AppError("invalid", { message: "profile.currentPasswordWrong", fields: { currentPassword: "profile.currentPasswordWrong" } });
  }
  const passwordHash = await hashPassword(newPassword);

  await db().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, ...touchedAndSignedOut(now) })
      .where(eq(users.id, actor.id));
    // No before/after: the audit trail records that the password changed, never what it is.
    await recordActivity(tx, { actorId: actor.id, action: "user.password_changed", entityType: "user", entityId: actor.id });
  });
  return { email: actor.email };
}
