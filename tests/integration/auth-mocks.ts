import { count } from "drizzle-orm";
import { vi } from "vitest";
import type { Executor } from "@/db/client";
import * as schema from "@/db/schema";
import { auth, signIn } from "@/lib/auth/auth";
import { authorizeCredentials, SignInRefused } from "@/lib/auth/credentials";
import { openSession } from "@/lib/auth/sessions";
import { request } from "./request-context";

export { request } from "./request-context";

/*
 * Helpers for testing server actions outside Next. The test file declares the module mocks
 * itself (vi.mock is hoisted per file):
 *
 *   vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
 *   vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
 *   vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);
 */

let requests = 0;

/** The header scripts/server.mjs stamps with the connection's address; tests stand in for that server. */
export const PEER_HEADER = "x-policy-desk-peer";
(globalThis as { __policyDeskPeerHeader?: string }).__policyDeskPeerHeader = PEER_HEADER;

/** Request headers as scripts/server.mjs hands them on: `extra` as the client sent them, the peer stamped. */
export function headersFrom(peer: string, extra: Record<string, string> = {}): Headers {
  return new Headers({ ...extra, [PEER_HEADER]: peer });
}

/** Resets the request: anonymous, no cookies, a client address of its own (so address limits don't leak between tests). */
export function resetRequest(address = `10.0.${Math.floor(requests / 250)}.${(requests++ % 250) + 1}`) {
  request.headers = headersFrom(address);
  request.cookies.clear();
  vi.mocked(auth).mockReset();
  vi.mocked(auth).mockResolvedValue(null as never);
  // Like next-auth's signIn() with the credentials provider: runs the real check, throws its refusal.
  vi.mocked(signIn).mockReset();
  vi.mocked(signIn).mockImplementation((async (_provider: string, options: Record<string, unknown>) => {
    const result = await authorizeCredentials(options, { headers: request.headers });
    if (!result.ok) throw new SignInRefused(result.reason);
    return undefined;
  }) as never);
}

/**
 * Makes `auth()` return the session token of `user`, as issued when they signed in: a session row
 * is opened at the first request (none for an unknown user, whose token then names no row).
 * Returns the session's id.
 */
export function signInAs(user: { id: string; sessionVersion: number }): () => Promise<string> {
  let sessionId: Promise<string> | undefined;
  const session = () =>
    (sessionId ??= openSession(user, { userAgent: "vitest" }).catch(() => "00000000-0000-4000-8000-00000000dead"));
  vi.mocked(auth).mockImplementation((async () => ({
    user: { id: user.id, sessionVersion: user.sessionVersion, sessionId: await session() },
    expires: "2999-01-01T00:00:00.000Z",
  })) as never);
  return session;
}

/** Row counts and the security-relevant state of every user: compared before and after a refused write. */
export async function snapshot(db: Executor) {
  const [activity] = await db.select({ n: count() }).from(schema.activity);
  const [invitations] = await db.select({ n: count() }).from(schema.invitations);
  const users = await db
    .select({
      id: schema.users.id,
      role: schema.users.role,
      locale: schema.users.locale,
      passwordHash: schema.users.passwordHash,
      deactivatedAt: schema.users.deactivatedAt,
      sessionVersion: schema.users.sessionVersion,
      version: schema.users.version,
    })
    .from(schema.users)
    .orderBy(schema.users.id);
  return { activity: activity.n, invitations: invitations.n, users };
}

/** FormData from a plain object, as a browser would post it. */
export function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}
