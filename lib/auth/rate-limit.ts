import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { db, type Executor } from "../../db/client";
import { rateLimitBuckets } from "../../db/schema";

/**
 * Failed sign-ins counted in fixed windows in the database, so the limits hold across processes
 * and restarts. One attempt is counted under several keys, which do different things:
 *
 * - the account and the client address together: locked after SIGN_IN_MAX_FAILURES, so whoever
 *   guesses one account's password from one address stops there;
 * - the client address alone: locked after as many, so one address guessing one password for
 *   many accounts stops too;
 * - the account alone: never locked. A lock that anyone can fill from anywhere would let ten
 *   wrong passwords from ten addresses shut the owner out; instead each new failure makes every
 *   attempt at the account wait a little longer (signInDelayMs), and the owner is told
 *   (lib/auth/failure-notice.ts).
 */
export type RateLimitOptions = {
  /** Injected by tests to move through windows. */
  now?: Date;
  max?: number;
  windowMs?: number;
  executor?: Executor;
};

export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** Failures of an account (from anywhere, in the window) that cost nothing: a few typos are normal. */
export const SIGN_IN_FREE_FAILURES = 3;
export const SIGN_IN_FIRST_DELAY_MS = 250;
/** A few seconds at most: enough to make guessing slow, little enough that the owner still gets in. */
export const SIGN_IN_MAX_DELAY_MS = 5000;

function resolve(options: RateLimitOptions) {
  const windowMs = options.windowMs ?? SIGN_IN_WINDOW_MS;
  return {
    executor: options.executor ?? db(),
    max: options.max ?? SIGN_IN_MAX_FAILURES,
    windowMs,
    windowStart: windowStartOf(options.now ?? new Date(), windowMs),
  };
}

/** The start of the fixed window `now` falls in. */
export function windowStartOf(now: Date, windowMs = SIGN_IN_WINDOW_MS): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** The bucket of an account, whichever address its guesses come from. */
export function accountKey(email: string): string {
  return `email:${normalizeEmail(email)}`;
}

/** The bucket of one client address, whichever accounts it tries. */
export function addressKey(address: string): string {
  return `ip:${address}`;
}

/** The bucket of one account tried from one client address. */
export function accountAddressKey(email: string, address: string): string {
  return `email:${normalizeEmail(email)} ip:${address}`;
}

/** The bucket of wrong current passwords in one signed-in user's password changes. */
export function passwordChangeKey(userId: string): string {
  return `password-change:${userId}`;
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The buckets of one sign-in attempt: the account's own (slows, never locks) and the two that lock. */
export type SignInKeys = { account: string; accountAddress: string; address: string };

export function signInKeys(email: string, address: string): SignInKeys {
  return { account: accountKey(email), accountAddress: accountAddressKey(email, address), address: addressKey(address) };
}

/** The keys of an attempt that lock when full. */
export function lockKeys(keys: SignInKeys): string[] {
  return [keys.accountAddress, keys.address];
}

/** Every key's failures in the current window (absent keys: 0). */
export async function failureCounts(keys: string[], options: RateLimitOptions = {}): Promise<Map<string, number>> {
  const { executor, windowStart } = resolve(options);
  const rows = await executor
    .select({ key: rateLimitBuckets.key, count: rateLimitBuckets.count })
    .from(rateLimitBuckets)
    .where(and(inArray(rateLimitBuckets.key, keys), eq(rateLimitBuckets.windowStart, windowStart)));
  return new Map(keys.map((key) => [key, rows.find((row) => row.key === key)?.count ?? 0]));
}

/** True when any key has used up its failures in the current window. */
export async function isRateLimited(keys: string[], options: RateLimitOptions = {}): Promise<boolean> {
  const counts = await failureCounts(keys, options);
  return isLocked(keys, counts, options);
}

/** Whether any of `keys` is at its limit, given counts from failureCounts. */
export function isLocked(keys: string[], counts: Map<string, number>, options: Pick<RateLimitOptions, "max"> = {}): boolean {
  const max = options.max ?? SIGN_IN_MAX_FAILURES;
  return keys.some((key) => (counts.get(key) ?? 0) >= max);
}

/**
 * How long an attempt at an account waits, given the account's failures in the window: nothing
 * for the first few, then doubling from SIGN_IN_FIRST_DELAY_MS up to SIGN_IN_MAX_DELAY_MS. The
 * wait comes before the password is checked, right or wrong, so its length tells nothing.
 */
export function signInDelayMs(accountFailures: number): number {
  if (accountFailures < SIGN_IN_FREE_FAILURES) return 0;
  const doublings = Math.min(accountFailures - SIGN_IN_FREE_FAILURES, 16);
  return Math.min(SIGN_IN_FIRST_DELAY_MS * 2 ** doublings, SIGN_IN_MAX_DELAY_MS);
}

/**
 * Counts one failure under every key, and drops windows that can no longer matter. Returns each
 * key's count after this failure: concurrent failures each see their own number, so exactly one
 * of them sees any given count (the owner's notice relies on it).
 */
export async function recordFailure(keys: string[], options: RateLimitOptions = {}): Promise<Map<string, number>> {
  const { executor, windowMs, windowStart } = resolve(options);
  // One upsert per key set: concurrent failures add up instead of overwriting each other.
  const rows = await executor
    .insert(rateLimitBuckets)
    .values(keys.map((key) => ({ key, windowStart, count: 1 })))
    .onConflictDoUpdate({
      target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
      set: { count: sql`${rateLimitBuckets.count} + 1` },
    })
    .returning({ key: rateLimitBuckets.key, count: rateLimitBuckets.count });
  // Pruning here rather than in a scheduled job keeps the table small without extra machinery;
  // the window-start index makes it cheap.
  await executor
    .delete(rateLimitBuckets)
    .where(lt(rateLimitBuckets.windowStart, new Date(windowStart.getTime() - windowMs)));
  return new Map(rows.map((row) => [row.key, row.count]));
}

/** Forgets the current window's failures of these keys (after a successful sign-in). */
export async function clearFailures(keys: string[], options: RateLimitOptions = {}): Promise<void> {
  const { executor, windowStart } = resolve(options);
  await executor
    .delete(rateLimitBuckets)
    .where(and(inArray(rateLimitBuckets.key, keys), eq(rateLimitBuckets.windowStart, windowStart)));
}
