import crypto from "node:crypto";
import { authSecret } from "../auth/secret";
import { env } from "../env";
import { UNSUBSCRIBE_PATH } from "./paths";

/** The app's public base URL for links in mails: APP_URL, else AUTH_URL, else this server on localhost. */
export function appBaseUrl(): string {
  const config = env();
  return config.APP_URL ?? config.AUTH_URL ?? `http://localhost:${config.PORT}`;
}

/** An absolute URL for an app path (`/policies/…`). */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, `${appBaseUrl()}/`).toString();
}


/** How long an unsubscribe link works: long enough for an old mail in the archive. */
const UNSUBSCRIBE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** What an unsubscribe token names: one user and one kind of mail (a notification kind, or `digest`). */
export type UnsubscribeClaim = { userId: string; kind: string; expiresAt: number };

function signature(payload: string): string {
  // A key of its own, derived from the session secret: a session token is never an unsubscribe token.
  const key = crypto.createHmac("sha256", authSecret()).update("policy-desk:mail-unsubscribe").digest();
  return crypto.createHmac("sha256", key).update(payload).digest("base64url");
}

/** A signed, expiring token for "no more mail of `kind` to `userId`". */
export function unsubscribeToken(userId: string, kind: string, now = new Date()): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, k: kind, e: now.getTime() + UNSUBSCRIBE_TTL_MS })).toString("base64url");
  return `${payload}.${signature(payload)}`;
}

/** The claim of a token whose signature holds and which has not expired; null otherwise. */
export function readUnsubscribeToken(token: string, now = new Date()): UnsubscribeClaim | null {
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined) return null;
  const expected = Buffer.from(signature(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const claim = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { u?: unknown; k?: unknown; e?: unknown };
    if (typeof claim.u !== "string" || typeof claim.k !== "string" || typeof claim.e !== "number") return null;
    if (claim.e < now.getTime()) return null;
    return { userId: claim.u, kind: claim.k, expiresAt: claim.e };
  } catch {
    return null;
  }
}

/** The one-click unsubscribe URL for `userId` and `kind`. */
export function unsubscribeUrl(userId: string, kind: string, now = new Date()): string {
  return absoluteUrl(`${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(unsubscribeToken(userId, kind, now))}`);
}
