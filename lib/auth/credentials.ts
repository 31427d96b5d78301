import { eq } from "drizzle-orm";
import { CredentialsSignin } from "next-auth";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { clientAddress } from "../security/client-address";
import { signInSchema } from "../users/schemas";
import { noticeRepeatedFailures } from "./failure-notice";
import { openSession } from "./sessions";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { clearFailures, failureCounts, isLocked, lockKeys, recordFailure, signInDelayMs, signInKeys, type RateLimitOptions } from "./rate-limit";

export type SignInRefusal = "invalid_credentials" | "rate_limited";

/** What a session token is made from: nothing else about the user goes into the JWT. */
export type SessionClaims = { id: string; sessionVersion: number; sessionId: string };

export type AuthorizeResult = { ok: true; user: SessionClaims } | { ok: false; reason: SignInRefusal };

/**
 * Thrown from next-auth's `authorize` so the sign-in action can tell "slow down" from "wrong":
 * Auth.js passes a CredentialsSignin's `code` through to the caller of `signIn()`.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(reason: SignInRefusal) {
    super(reason);
    this.code = reason;
  }
}

export type AuthorizeContext = {
  headers?: Pick<Headers, "get">;
  /** Injected by tests, which should not sit through the slow-down. */
  sleep?: (ms: number) => Promise<void>;
} & Pick<RateLimitOptions, "now">;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an e-mail and password. Every kind of wrong answer (unknown e-mail, wrong password,
 * deactivated account) gets the same `invalid_credentials`, so the form reveals nothing about
 * which accounts exist; only the rate limit is told apart. Limits: see lib/auth/rate-limit.ts.
 */
export async function authorizeCredentials(credentials: unknown, context: AuthorizeContext = {}): Promise<AuthorizeResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const { email, password } = parsed.data;

  const address = clientAddress(context.headers);
  const keys = signInKeys(email, address);
  const allKeys = [keys.account, ...lockKeys(keys)];
  const limit = { now: context.now };
  const counts = await failureCounts(allKeys, limit);
  // This client's locks are checked before the password, so its 11th try is refused even when
  // it is the right one; other clients are not affected.
  if (isLocked(lockKeys(keys), counts)) return { ok: false, reason: "rate_limited" };
  // Failures from everywhere only slow the account down: its owner still gets in, a bit later.
  const delay = signInDelayMs(counts.get(keys.account) ?? 0);
  if (delay > 0) await (context.sleep ?? sleep)(delay);

  const [user] = await db().select().from(users).where(eq(users.email, email)).limit(1);
  const passwordMatches = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !passwordMatches) {
    const after = await recordFailure(allKeys, limit);
    if (user) await noticeRepeatedFailures(user.id, after.get(keys.account) ?? 0, context.now);
    return { ok: false, reason: "invalid_credentials" };
  }
  // The right password for a deactivated account is not a guess, so it is not counted.
  if (user.deactivatedAt) return { ok: false, reason: "invalid_credentials" };

  // A success forgives the account's earlier typos (and with them the slow-down) and this
  // client's on this account; the address keeps its own count so one valid account cannot be
  // used to reset the limit for guessing others.
  await clearFailures([keys.account, keys.accountAddress], limit);
  const sessionId = await openSession(user, { userAgent: context.headers?.get("user-agent"), clientAddress: address }, context.now);
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion, sessionId } };
}
