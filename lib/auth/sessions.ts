import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { db, type Executor } from "../../db/client";
import { sessions, users } from "../../db/schema";
import { env } from "../env";
import { publish } from "../live/publish";
import type { LiveEvent } from "../live/events";
import type { Locale, Role } from "../vocab";

/** A session is used at most this often as far as its row knows: one write a minute, not one per request. */
const TOUCH_EVERY_MS = 60_000;

/** What a session token names: the user, their session version when it was issued, and its row. */
export type SessionToken = { userId: string; sessionVersion: number; sessionId: string };

export type SessionUser = { id: string; email: string; displayName: string; role: Role; locale: Locale; sessionId: string };

/** Opens a session for a user who just proved who they are; its id goes into the cookie. */
export async function openSession(user: { id: string; sessionVersion: number }, client: { userAgent?: string | null; clientAddress?: string | null }, now = new Date()): Promise<string> {
  const [row] = await db()
    .insert(sessions)
    .values({
      userId: user.id,
      sessionVersion: user.sessionVersion,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + env().SESSION_MAX_AGE),
      userAgent: client.userAgent?.slice(0, 300) || null,
      clientAddress: client.clientAddress || null,
    })
    .returning({ id: sessions.id });
  return row.id;
}

/**
 * The user behind a session token, or null when the session is over: revoked (signed out, or
 * signed out everywhere), past its rolling lifetime, idle too long, or issued before the user's
 * session version moved (password or role change, deactivation, restore). `touch` records the
 * use — a page or an action, not a live stream's heartbeat, which is no sign of a person.
 */
export async function userOfSession(token: SessionToken, { touch = true, now = new Date() } = {}): Promise<SessionUser | null> {
  const [row] = await db()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      locale: users.locale,
      deactivatedAt: users.deactivatedAt,
      sessionVersion: users.sessionVersion,
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, token.sessionId), eq(sessions.userId, token.userId)))
    .limit(1);
  if (!row || row.deactivatedAt || row.revokedAt || row.sessionVersion !== token.sessionVersion) return null;
  if (row.expiresAt <= now) return null;
  const idle = env().SESSION_IDLE_TIMEOUT;
  if (idle !== null && now.getTime() - row.lastSeenAt.getTime() >= idle) return null;
  if (touch && now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db()
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + env().SESSION_MAX_AGE) })
      .where(and(eq(sessions.id, token.sessionId), isNull(sessions.revokedAt)));
  }
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, locale: row.locale, sessionId: token.sessionId };
}

/** The live event that makes every process close the streams of revoked sessions at once. */
function sessionsRevoked(userId: string, sessionId: string | "all"): LiveEvent {
  return { entityType: "session", entityId: sessionId, kind: "revoked", onlyFor: userId };
}

/** Ends one session of `userId` (signing out, or ending another browser's session from the profile). */
export async function revokeSession(userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  return db().transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (ended.length > 0) await publish(tx, sessionsRevoked(userId, sessionId));
    return ended.length > 0;
  });
}

/** Ends every session of `userId` ("sign out everywhere"), or every one but `exceptId`. Returns how many. */
export async function revokeAllSessions(tx: Executor, userId: string, { exceptId, now = new Date() }: { exceptId?: string; now?: Date } = {}): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptId ? ne(sessions.id, exceptId) : undefined))
    .returning({ id: sessions.id });
  if (ended.length > 0) await publish(tx, sessionsRevoked(userId, "all"));
  return ended.length;
}

/** Whether a live event says `sessionId` has ended (the stream then re-checks and closes). */
export function endsSession(event: LiveEvent, sessionId: string): boolean {
  return event.entityType === "session" && event.kind === "revoked" && (event.entityId === sessionId || event.entityId === "all");
}

/** The user's sessions still open, newest use first: what the profile lists. */
export async function listOpenSessions(userId: string, now = new Date()) {
  const idle = env().SESSION_IDLE_TIMEOUT;
  return db()
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      clientAddress: sessions.clientAddress,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        idle === null ? undefined : gt(sessions.lastSeenAt, new Date(now.getTime() - idle)),
        // Sessions issued before the account's last version bump are over, whatever their row says.
        eq(sessions.sessionVersion, users.sessionVersion),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(50);
}
