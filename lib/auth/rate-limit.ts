import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { db, type Executor } from "../../db/client";
import { rateLimitBuckets } from "../../db/schema";

/**
 * Failed sign-ins counted in fixed windows in the database, so the limit holds across processes
 * and restarts. Each attempt is counted under every key it touches (the account and the client
 * address): guessing many passwords for one account and one password for many accounts both stop.
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

function resolve(options: RateLimitOptions) {
  const now = options.now ?? new Date();
  const windowMs = options.windowMs ?? SIGN_IN_WINDOW_MS;
  return {
    executor: options.executor ?? db(),
    max: options.max ?? SIGN_IN_MAX_FAILURES,
    windowMs,
    windowStart: new Date(Math.floor(now.getTime() / windowMs) * windowMs),
  };
}

/** The bucket of an account, whichever address its guesses come from. */
export function accountKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

/** The bucket keys of one sign-in attempt: the account first, then the client address. */
export function signInKeys(email: string, address: string): string[] {
  return [accountKey(email), `ip:${address}`];
}

/** The client's address as the reverse proxy reports it; 'unknown' when nothing does. */
export function clientAddress(headers: Pick<Headers, "get"> | undefined): string {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  return headers?.get("x-real-ip")?.trim() || "unknown";
}

/** True when any key has used up its failures in the current window. */
export async function isRateLimited(keys: string[], options: RateLimitOptions = {}): Promise<boolean> {
  const { executor, max, windowStart } = resolve(options);
  const [row] = await executor
    .select({ count: sql<number>`coalesce(max(${rateLimitBuckets.count}), 0)`.mapWith(Number) })
    .from(rateLimitBuckets)
    .where(and(inArray(rateLimitBuckets.key, keys), eq(rateLimitBuckets.windowStart, windowStart)));
  return (row?.count ?? 0) >= max;
}

/** Counts one failure under every key, and drops windows that can no longer matter. */
export async function recordFailure(keys: string[], options: RateLimitOptions = {}): Promise<void> {
  const { executor, windowMs, windowStart } = resolve(options);
  // One upsert per key set: concurrent failures add up instead of overwriting each other.
  await executor
    .insert(rateLimitBuckets)
    .values(keys.map((key) => ({ key, windowStart, count: 1 })))
    .onConflictDoUpdate({
      target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
      set: { count: sql`${rateLimitBuckets.count} + 1` },
    });
  // Pruning here rather than in a scheduled job keeps the table small without extra machinery;
  // the window-start index makes it cheap.
  await executor
    .delete(rateLimitBuckets)
    .where(lt(rateLimitBuckets.windowStart, new Date(windowStart.getTime() - windowMs)));
}

/** Forgets the current window's failures of these keys (after a successful sign-in). */
export async function clearFailures(keys: string[], options: RateLimitOptions = {}): Promise<void> {
  const { executor, windowStart } = resolve(options);
  await executor
    .delete(rateLimitBuckets)
    .where(and(inArray(rateLimitBuckets.key, keys), eq(rateLimitBuckets.windowStart, windowStart)));
}
