import { eq } from "drizzle-orm";
import { CredentialsSignin } from "next-auth";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { signInSchema } from "../users/schemas";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { accountKey, clearFailures, clientAddress, isRateLimited, recordFailure, signInKeys, type RateLimitOptions } from "./rate-limit";

export type SignInRefusal = "invalid_credentials" | "rate_limited";

/** What a session token is made from: nothing else about the user goes into the JWT. */
export type SessionClaims = { id: string; sessionVersion: number };

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

/**
 * Checks an e-mail and password. Every kind of wrong answer (unknown e-mail, wrong password,
 * deactivated account) gets the same `invalid_credentials`, so the form reveals nothing about
 * which accounts exist; only the rate limit is told apart.
 */
export async function authorizeCredentials(
  credentials: unknown,
  context: { headers?: Pick<Headers, "get"> } & Pick<RateLimitOptions, "now"> = {},
): Promise<AuthorizeResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const { email, password } = parsed.data;

  const keys = signInKeys(email, clientAddress(context.headers));
  const limit = { now: context.now };
  // Checked before the password, so the 11th try is refused even when it is the right one.
  if (await isRateLimited(keys, limit)) return { ok: false, reason: "rate_limited" };

  const [user] = await db().select().from(users).where(eq(users.email, email)).limit(1);
  const passwordMatches = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !passwordMatches) {
    await recordFailure(keys, limit);
    return { ok: false, reason: "invalid_credentials" };
  }
  // The right password for a deactivated account is not a guess, so it is not counted.
  if (user.deactivatedAt) return { ok: false, reason: "invalid_credentials" };

  // A success forgives the account's earlier typos; the address keeps its count so one valid
  // account cannot be used to reset the limit for guessing others.
  await clearFailures([accountKey(email)], limit);
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
}
