import { eq } from "drizzle-orm";
import { db, type Executor } from "../../db/client";
import { passwordResets, users, type PasswordReset } from "../../db/schema";
import type { MessageKey } from "../i18n/catalog";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import { hashPassword } from "../auth/password";
import { recordFailure } from "../auth/rate-limit";
import type { Actor } from "../auth/session";
import { revokeAllSessions } from "../auth/sessions";
import { passwordResetMail } from "../mail/account-mail";
import { enqueueMail } from "../mail/enqueue";
import { absoluteUrl } from "../mail/links";
import { hashInvitationToken as hashToken, newInvitationToken as newToken } from "./invitation-token";
import { touchedAndSignedOut } from "./member-rows";
import {
  issuePasswordResetSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
  type IssuePasswordResetInput,
  type RequestPasswordResetInput,
  type ResetPasswordInput,
} from "./schemas";

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/**
 * Requests per address and per client in one rate-limit window (lib/auth/rate-limit.ts, 15
 * minutes): enough for a retry or two, too few to flood a mailbox or probe many addresses.
 */
export const PASSWORD_RESET_MAX_PER_ADDRESS = 3;
export const PASSWORD_RESET_MAX_PER_CLIENT = 10;

export const passwordResetAddressKey = (email: string) => `password-reset:email:${email.trim().toLowerCase()}`;
export const passwordResetClientKey = (address: string) => `password-reset:ip:${address}`;

/** The path of the page that uses `token`. */
export function passwordResetPath(token: string): string {
  return `/reset-password/${token}`;
}

export type PasswordResetState = "valid" | "unknown" | "expired" | "used" | "inactive";

export const passwordResetProblem: Record<Exclude<PasswordResetState, "valid">, MessageKey> = {
  unknown: "auth.resetUnknown",
  expired: "auth.resetExpired",
  used: "auth.resetUsed",
  inactive: "auth.resetUnknown",
};

/** Where a reset link stands at `now`; used wins over expired, and a deactivated account's link is as good as unknown. */
export function passwordResetState(reset: Pick<PasswordReset, "usedAt" | "expiresAt"> | undefined, accountActive: boolean, now: Date): PasswordResetState {
  if (!reset) return "unknown";
  if (reset.usedAt) return "used";
  if (reset.expiresAt.getTime() <= now.getTime()) return "expired";
  if (!accountActive) return "inactive";
  return "valid";
}

async function findReset(executor: Executor, token: string, lock: boolean) {
  const query = executor
    .select({ reset: passwordResets, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** What the reset page shows for `token`. */
export async function findPasswordResetByToken(token: string, now = new Date()): Promise<{ state: PasswordResetState; email?: string }> {
  const row = await findReset(db(), token, false);
  const state = passwordResetState(row?.reset, !row?.deactivatedAt, now);
  return state === "valid" ? { state, email: row!.email } : { state };
}

/** Stores a new reset token for `user` and queues its mail, in the caller's transaction. */
async function createReset(tx: Executor, user: { id: string; email: string; locale: "ko" | "en" }, issuedBy: { id: string; displayName: string } | null, now: Date) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
  const [reset] = await tx
    .insert(passwordResets)
    .values({ userId: user.id, tokenHash: hashToken(token), issuedById: issuedBy?.id ?? null, expiresAt, createdAt: now })
    .returning({ id: passwordResets.id });
  const path = passwordResetPath(token);
  await enqueueMail(tx, {
    to: user.email,
    locale: user.locale,
    kind: "password_reset",
    userId: user.id,
    content: passwordResetMail(user.locale, absoluteUrl(path), issuedBy?.displayName ?? null),
  });
  return { resetId: reset.id, path, expiresAt };
}

/**
 * "Forgot password": mails a reset link to an active account with this address. The answer is
 * the same whether or not there is one; only the rate limit (per address and per client, counted
 * for every request) refuses.
 */
export async function requestPasswordReset({ input, clientAddress, now = new Date() }: { input: RequestPasswordResetInput; clientAddress: string; now?: Date }) {
  const { email } = requestPasswordResetSchema.parse(input);
  const addressKey = passwordResetAddressKey(email);
  const clientKey = passwordResetClientKey(clientAddress);
  const counts = await recordFailure([addressKey, clientKey], { now });
  if ((counts.get(addressKey) ?? 0) > PASSWORD_RESET_MAX_PER_ADDRESS || (counts.get(clientKey) ?? 0) > PASSWORD_RESET_MAX_PER_CLIENT) {
    throw new AppError("rate_limited", { message: "auth.resetRateLimited" });
  }
  await db().transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email, locale: users.locale, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.email, email)).limit(1);
    if (!user || user.deactivatedAt) return;
    await createReset(tx, user, null, now);
  });
}

/**
 * Sets a new password with a reset link: the token must be known, unused, unexpired and its
 * account active. Marks it used and ends every session of the account.
 */
export async function resetPassword({ input, now = new Date() }: { input: ResetPasswordInput; now?: Date }) {
  const { token, password } = resetPasswordSchema.parse(input);
  // Hashed before the transaction: ~25 ms of CPU need not hold row locks.
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    const row = await findReset(tx, token, true);
    const state = passwordResetState(row?.reset, !row?.deactivatedAt, now);
    if (!row || state !== "valid") throw new AppError("gone", { message: passwordResetProblem[state as Exclude<PasswordResetState, "valid">] });
    const userId = row.reset.userId;
    await tx.update(users).set({ passwordHash, ...touchedAndSignedOut(now) }).where(eq(users.id, userId));
    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, row.reset.id));
    await revokeAllSessions(tx, userId, { now });
    // Never the token or the password: only which link was used.
    await recordActivity(tx, {
      actorId: userId,
      action: "user.password_reset",
      entityType: "user",
      entityId: userId,
      after: { resetId: row.reset.id, issuedById: row.reset.issuedById },
    });
    return { email: row.email };
  });
}

/** An admin issues a reset link for an active member: shown to the admin (returned) and mailed to the member. */
export async function issuePasswordReset({ actor, input, now = new Date() }: { actor: Actor; input: IssuePasswordResetInput; now?: Date }) {
  assertCan(actor, "members.manage");
  const { userId } = issuePasswordResetSchema.parse(input);
  return db().transaction(async (tx) => {
    const [member] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!member) throw new AppError("not_found", { message: "members.memberNotFound" });
    if (member.deactivatedAt) throw new AppError("conflict", { message: "members.resetInactive" });
    const reset = await createReset(tx, member, actor, now);
    await recordActivity(tx, {
      actorId: actor.id,
      action: "user.password_reset_issued",
      entityType: "user",
      entityId: member.id,
      after: { resetId: reset.resetId, expiresAt: reset.expiresAt.toISOString() },
    });
    return { path: reset.path, expiresAt: reset.expiresAt.toISOString(), email: member.email };
  });
}
