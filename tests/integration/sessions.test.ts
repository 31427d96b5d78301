import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";

// Before anything reads the configuration: a fast heartbeat, a small cap, an idle timeout.
vi.hoisted(() => {
  process.env.LIVE_HEARTBEAT_MS = "150";
  process.env.LIVE_MAX_CONNECTIONS = "2";
  process.env.SESSION_MAX_AGE = "7d";
  process.env.SESSION_IDLE_TIMEOUT = "8h";
});

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

import { createUser } from "../factories";
import { request, resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

const { getActor } = await import("@/lib/auth/session");
const { authorizeCredentials } = await import("@/lib/auth/credentials");
const { openSession, userOfSession } = await import("@/lib/auth/sessions");
const { signOutAction } = await import("@/app/actions/sign-out");
const { endSessionAction, signOutEverywhereAction } = await import("@/app/(workspace)/profile/actions");
const { GET } = await import("@/app/api/live/route");
const { signOut } = await import("@/lib/auth/auth");

const t = withFreshDatabase();
beforeEach(() => resetRequest());

const DAY = 86_400_000;
const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sessionRow(id: string) {
  const [row] = await t.db.select().from(schema.sessions).where(eq(schema.sessions.id, id));
  return row;
}

/** Reads a live stream until it ends (true) or `ms` pass (false). */
async function endsWithin(response: Response, ms: number): Promise<boolean> {
  const reader = response.body!.getReader();
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return true;
  })();
  const result = await Promise.race([ended, sleep(ms).then(() => false)]);
  if (!result) await reader.cancel();
  return result;
}

const openLive = () => GET(new Request("http://localhost/api/live", { signal: AbortSignal.timeout(10_000) }));

describe("sessions on the server", () => {
  it("a successful sign-in opens a session row that names the browser and client", async () => {
    const user = await createUser(t.db);
    const result = await authorizeCredentials(
      { email: user.email, password: user.password },
      { headers: new Headers({ ...Object.fromEntries(request.headers), "user-agent": "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36" }) },
    );
    if (!result.ok) throw new Error("sign-in refused");
    const row = await sessionRow(result.user.sessionId);
    expect(row).toMatchObject({ userId: user.id, sessionVersion: user.sessionVersion, revokedAt: null, userAgent: expect.stringContaining("Chrome/131") });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * DAY);
  });

  it("signing out ends the session on the server: the same cookie is refused afterwards", async () => {
    const user = await createUser(t.db);
    const session = signInAs(user);
    expect(await getActor()).not.toBeNull();
    await signOutAction();
    expect(vi.mocked(signOut)).toHaveBeenCalled();
    // The browser (or whoever copied the cookie) still presents the same token…
    expect(await getActor()).toBeNull();
    expect((await sessionRow(await session())).revokedAt).not.toBeNull();
  });

  it("the lifetime rolls with use, and an unused session lapses", async () => {
    const user = await createUser(t.db);
    const start = new Date("2026-01-05T09:00:00Z");
    const used = await openSession(user, {}, start);
    const unused = await openSession(user, {}, start);
    const token = (sessionId: string) => ({ userId: user.id, sessionVersion: user.sessionVersion, sessionId });
    // Used every 6 hours for 10 days (within the idle timeout): still good, its expiry moved on.
    for (let at = 6 * HOUR; at <= 10 * DAY; at += 6 * HOUR) {
      expect(await userOfSession(token(used), { now: new Date(start.getTime() + at) })).not.toBeNull();
    }
    expect((await sessionRow(used)).expiresAt.getTime()).toBe(start.getTime() + 17 * DAY);
    // Never used after sign-in: past 7 days it is over (and past 8 idle hours already).
    expect(await userOfSession(token(unused), { now: new Date(start.getTime() + 7 * DAY + 1000), touch: false })).toBeNull();
  });

  it("a session idle past SESSION_IDLE_TIMEOUT ends, within its lifetime", async () => {
    const user = await createUser(t.db);
    const start = new Date("2026-02-02T09:00:00Z");
    const sessionId = await openSession(user, {}, start);
    const token = { userId: user.id, sessionVersion: user.sessionVersion, sessionId };
    expect(await userOfSession(token, { now: new Date(start.getTime() + 7 * HOUR) })).not.toBeNull();
    expect(await userOfSession(token, { now: new Date(start.getTime() + 7 * HOUR + 8 * HOUR + 1000) })).toBeNull();
  });

  it("a live stream's heartbeat does not count as use", async () => {
    const user = await createUser(t.db);
    const start = new Date("2026-03-02T09:00:00Z");
    const sessionId = await openSession(user, {}, start);
    const token = { userId: user.id, sessionVersion: user.sessionVersion, sessionId };
    expect(await userOfSession(token, { now: new Date(start.getTime() + HOUR), touch: false })).not.toBeNull();
    expect((await sessionRow(sessionId)).lastSeenAt.getTime()).toBe(start.getTime());
  });
});

describe("sign out everywhere and ending one session", () => {
  it("ends every session of the account and clears this browser's cookie; other accounts keep theirs", async () => {
    const [user, other] = [await createUser(t.db), await createUser(t.db)];
    const phone = await openSession(user, { userAgent: "phone" });
    const otherSession = signInAs(other);
    expect(await getActor()).toMatchObject({ id: other.id });
    const laptop = signInAs(user);
    expect(await getActor()).toMatchObject({ id: user.id });

    const result = await signOutEverywhereAction({});
    expect(result).toEqual({ ok: true, ended: 2 });
    expect(vi.mocked(signOut)).toHaveBeenCalledWith({ redirect: false });
    expect(await getActor()).toBeNull();
    expect((await sessionRow(phone)).revokedAt).not.toBeNull();
    expect((await sessionRow(await laptop())).revokedAt).not.toBeNull();
    expect((await sessionRow(await otherSession())).revokedAt).toBeNull();
    const [entry] = await t.db.select().from(schema.activity).where(eq(schema.activity.action, "user.signed_out_everywhere"));
    expect(entry).toMatchObject({ actorId: user.id, entityId: user.id, after: { sessions: 2 } });
  });

  it("ends another browser's session of one's own, and finds nobody else's", async () => {
    const [user, other] = [await createUser(t.db), await createUser(t.db)];
    const phone = await openSession(user, { userAgent: "phone" });
    const theirs = await openSession(other, {});
    signInAs(user);
    expect(await endSessionAction({ sessionId: phone })).toEqual({ ok: true });
    expect((await sessionRow(phone)).revokedAt).not.toBeNull();
    expect(await endSessionAction({ sessionId: theirs })).toMatchObject({ ok: false, code: "not_found" });
    expect((await sessionRow(theirs)).revokedAt).toBeNull();
    expect(await getActor()).not.toBeNull();
  });

  it("refuses anonymous visitors", async () => {
    expect(await signOutEverywhereAction({})).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("the live stream and the session", () => {
  it("closes at the next heartbeat once the session is revoked behind its back", async () => {
    const user = await createUser(t.db);
    const session = signInAs(user);
    const response = await openLive();
    expect(response.status).toBe(200);
    // Revoked without any event (as a restore or a database edit would): only the heartbeat can tell.
    await t.db.update(schema.sessions).set({ revokedAt: new Date() }).where(eq(schema.sessions.id, await session()));
    expect(await endsWithin(response, 3_000)).toBe(true);
  });

  it("closes at once when signing out is announced, and the reconnect is refused", async () => {
    const user = await createUser(t.db);
    signInAs(user);
    const response = await openLive();
    const closed = endsWithin(response, 3_000);
    await signOutAction();
    expect(await closed).toBe(true);
    expect((await openLive()).status).toBe(401);
  });

  it("stays open while the session holds", async () => {
    const user = await createUser(t.db);
    signInAs(user);
    const response = await openLive();
    expect(await endsWithin(response, 800)).toBe(false);
  });

  it("caps a user's open streams across processes, frees a slot when one closes, and ignores stale ones", async () => {
    const [user, other] = [await createUser(t.db), await createUser(t.db)];
    signInAs(user);
    const first = await openLive();
    const second = await openLive();
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await openLive();
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("30");
    // Someone else is not affected.
    signInAs(other);
    const theirs = await openLive();
    expect(theirs.status).toBe(200);
    await theirs.body!.cancel();
    // Closing one frees its slot.
    signInAs(user);
    await first.body!.cancel();
    await sleep(100);
    const again = await openLive();
    expect(again.status).toBe(200);
    // A slot held by a process that died (no heartbeat for three intervals) no longer counts.
    await second.body!.cancel();
    await again.body!.cancel();
    await sleep(100);
    const [session] = await t.db.select().from(schema.sessions).where(eq(schema.sessions.userId, user.id)).limit(1);
    await t.db.insert(schema.liveConnections).values([
      { userId: user.id, sessionId: session.id, staleAfterMs: 450, seenAt: new Date(Date.now() - 60_000) },
      { userId: user.id, sessionId: session.id, staleAfterMs: 450, seenAt: new Date(Date.now() - 60_000) },
    ]);
    const afterCrash = await openLive();
    expect(afterCrash.status).toBe(200);
    await afterCrash.body!.cancel();
  });
});
