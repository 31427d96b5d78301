import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import { hashPassword, verifyPassword } from "../auth/password";
import { noticeRepeatedFailures } from "../auth/failure-notice";
import { accountKey, isRateLimited, passwordChangeKey, recordFailure } from "../auth/rate-limit";
import type { Actor } from "../auth/session";
import { touchedAndSignedOut } from "./member-rows";
import { changePasswordSchema, type ChangePasswordInput } from "./schemas";

/**
 * Changes one's own password after checking the current one, and ends every session of the
 * account (the caller re-issues the current one). A borrowed session must not become a way to
 * guess the password: wrong current passwords lock this user's password changes after as many
 * as sign-in allows, and count among the account's failed sign-ins (its slow-down and its
 * owner's notice, lib/auth/rate-limit.ts). They never lock anyone's sign-in.
 */
export async function changePassword({ actor, input, now = new Date() }: { actor: Actor; input: ChangePasswordInput; now?: Date }) {
  assertCan(actor, "profile.update");
  const { currentPassword, newPassword } = changePasswordSchema.parse(input);
  const lock = passwordChangeKey(actor.id);
  if (await isRateLimited([lock], { now })) throw new AppError("rate_limited");

  const [row] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw new AppError("unauthenticated");
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    const account = accountKey(actor.email);
    const after = await recordFailure([account, lock], { now });
    await noticeRepeatedFailures(actor.id, after.get(account) ?? 0, now);
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
