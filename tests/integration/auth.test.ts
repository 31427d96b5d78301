import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { SIGN_IN_NOTICE_AFTER } from "@/lib/auth/failure-notice";
import { recordFailure, signInDelayMs, signInKeys, SIGN_IN_MAX_DELAY_MS, SIGN_IN_WINDOW_MS } from "@/lib/auth/rate-limit";
import { getActor } from "@/lib/auth/session";
import { createUser } from "../factories";
import { form, headersFrom, request, resetRequest, signInAs, snapshot } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const { signInAction } = await import("@/app/(auth)/sign-in/actions");
const { changePasswordAction } = await import("@/app/(workspace)/profile/actions");
const { setLocaleAction } = await import("@/app/actions/locale");
const { signIn } = await import("@/lib/auth/auth");

const t = withFreshDatabase();

beforeEach(() => resetRequest());

describe("signing in", () => {
  it("accepts the right password and puts only id and session version in the token", async () => {
    const user = await createUser(t.db, { role: "editor" });
    const result = await authorizeCredentials({ email: user.email.toUpperCase(), password: user.password }, { headers: request.headers });
    expect(result).toEqual({ ok: true, user: { id: user.id, sessionVersion: user.sessionVersion, sessionId: expect.any(String) } });
  });

  it("gives wrong password, unknown e-mail and deactivated account one generic message", async () => {
    const user = await createUser(t.db);
    const deactivated = await createUser(t.db, { deactivated: true });
    const attempts = [
      { email: user.email, password: "wrong-password-123" },
      { email: "nobody@example.test", password: "whatever-password" },
      { email: deactivated.email, password: deactivated.password },
    ];
    const messages = new Set<string>();
    for (const attempt of attempts) {
      const state = await signInAction(null, form({ ...attempt, callbackUrl: "/" }));
      expect(state).toMatchObject({ ok: false, status: 401, code: "unauthenticated" });
      messages.add(state!.formError);
    }
    expect([...messages]).toEqual(["이메일 또는 비밀번호가 올바르지 않습니다."]);
  });

  it("signs in through the action and sends the user to a safe callback URL only", async () => {
    const user = await createUser(t.db);
    expect(await signInAction(null, form({ email: user.email, password: user.password, callbackUrl: "https://evil.example/" }))).toBeNull();
    expect(vi.mocked(signIn)).toHaveBeenLastCalledWith("credentials", expect.objectContaining({ email: user.email, redirectTo: "/" }));
    await signInAction(null, form({ email: user.email, password: user.password, callbackUrl: "/policies?q=1" }));
    expect(vi.mocked(signIn)).toHaveBeenLastCalledWith("credentials", expect.objectContaining({ redirectTo: "/policies?q=1" }));
  });

  it("returns field errors for malformed input without trying the password", async () => {
    const state = await signInAction(null, form({ email: "not-an-email", password: "" }));
    expect(state).toMatchObject({ ok: false, status: 400, code: "invalid", email: "not-an-email" });
    expect(state!.fieldErrors).toEqual({ email: ["올바른 이메일 주소를 입력해 주세요."], password: ["필수 항목입니다."] });
    expect(vi.mocked(signIn)).not.toHaveBeenCalled();
  });
});

describe("failed sign-in limits", () => {
  const window = (n: number) => new Date(Date.UTC(2030, 0, 1) + n * SIGN_IN_WINDOW_MS);
  const minute = (n: number, w = 0) => new Date(window(w).getTime() + n * 60_000);
  /** Records the slow-downs instead of sitting through them. */
  const waits = () => {
    const slept: number[] = [];
    return { slept, sleep: async (ms: number) => void slept.push(ms) };
  };
  const noticesOf = (userId: string) =>
    t.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.userId, userId), eq(schema.notifications.kind, "sign_in_failures")));

  it("lets the owner in from an eleventh address after ten failures from ten others, slowed down but not refused", async () => {
    const user = await createUser(t.db);
    const { slept, sleep } = waits();
    for (let i = 0; i < 10; i++) {
      const result = await authorizeCredentials(
        { email: user.email, password: `wrong-${i}-password` },
        { headers: headersFrom(`192.0.2.${i + 1}`), now: minute(i), sleep },
      );
      expect(result).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    // The first failures cost nothing; then every attempt at the account waits longer, up to a cap.
    expect(slept).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
    const right = { email: user.email, password: user.password };
    expect(await authorizeCredentials(right, { headers: headersFrom("192.0.2.99"), now: minute(14), sleep })).toMatchObject({ ok: true });
    expect(slept.at(-1)).toBe(SIGN_IN_MAX_DELAY_MS);
    expect(signInDelayMs(1000)).toBe(SIGN_IN_MAX_DELAY_MS);

    // The success forgave the account's failures: no more waiting for the next attempt.
    slept.length = 0;
    await authorizeCredentials(right, { headers: headersFrom("192.0.2.99"), now: minute(14), sleep });
    expect(slept).toEqual([]);
  });

  it("locks the account for the address that failed ten times, not for another, and lifts it in the next window", async () => {
    const user = await createUser(t.db);
    const { sleep } = waits();
    const from = (peer: string, now: Date) => ({ headers: headersFrom(peer), now, sleep });
    for (let i = 0; i < 10; i++) await authorizeCredentials({ email: user.email, password: `wrong-${i}-password` }, from("198.51.100.7", minute(i, 2)));
    const right = { email: user.email, password: user.password };
    expect(await authorizeCredentials(right, from("198.51.100.7", minute(12, 2)))).toEqual({ ok: false, reason: "rate_limited" });
    expect(await authorizeCredentials(right, from("198.51.100.8", minute(12, 2)))).toMatchObject({ ok: true });
    expect(await authorizeCredentials(right, from("198.51.100.7", window(3)))).toMatchObject({ ok: true });
  });

  it("keeps the client a forged X-Forwarded-For names out of it when no proxy is trusted", async () => {
    const user = await createUser(t.db);
    const { sleep } = waits();
    const now = window(5);
    for (let i = 0; i < 10; i++) {
      // Each try claims another client; all come from one connection.
      const headers = headersFrom("203.0.113.10", { "x-forwarded-for": `192.0.2.${i + 1}, 198.51.100.${i + 1}`, "x-real-ip": `192.0.2.${i + 1}` });
      await authorizeCredentials({ email: user.email, password: `wrong-${i}-password` }, { headers, now, sleep });
    }
    const right = { email: user.email, password: user.password };
    const forged = headersFrom("203.0.113.10", { "x-forwarded-for": "192.0.2.200" });
    expect(await authorizeCredentials(right, { headers: forged, now, sleep })).toEqual({ ok: false, reason: "rate_limited" });
    // Another connection naming the locked one is not locked out either.
    const impostor = headersFrom("203.0.113.11", { "x-forwarded-for": "203.0.113.10" });
    expect(await authorizeCredentials(right, { headers: impostor, now, sleep })).toMatchObject({ ok: true });
  });

  it("counts one connection's guesses across accounts however its X-Forwarded-For varies", async () => {
    const victim = await createUser(t.db);
    const { sleep } = waits();
    const now = window(6);
    const forging = (i: number) => headersFrom("203.0.113.20", { "x-forwarded-for": `192.0.2.${i + 1}` });
    for (let i = 0; i < 10; i++) {
      await authorizeCredentials({ email: `spray-${i}@example.test`, password: "password-guess" }, { headers: forging(i), now, sleep });
    }
    expect(await authorizeCredentials({ email: victim.email, password: victim.password }, { headers: forging(10), now, sleep })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
  });

  it("limits one address guessing across many accounts", async () => {
    const victim = await createUser(t.db);
    const headers = headersFrom("203.0.113.66");
    const now = window(7);
    for (let i = 0; i < 10; i++) {
      await authorizeCredentials({ email: `guess-${i}@example.test`, password: "password-guess" }, { headers, now });
    }
    expect(await authorizeCredentials({ email: victim.email, password: victim.password }, { headers, now })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
  });

  it("tells the owner once per window, in the inbox, and nobody for an unknown e-mail", async () => {
    const user = await createUser(t.db);
    const { sleep } = waits();
    const fail = (i: number, w: number) =>
      authorizeCredentials({ email: user.email, password: `wrong-${i}-password` }, { headers: headersFrom(`192.0.2.${i + 1}`), now: minute(i, w), sleep });
    for (let i = 0; i < SIGN_IN_NOTICE_AFTER - 1; i++) await fail(i, 9);
    expect(await noticesOf(user.id)).toEqual([]);
    for (let i = SIGN_IN_NOTICE_AFTER - 1; i < 12; i++) await fail(i, 9);
    const [notice, ...more] = await noticesOf(user.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ actorId: null, entityType: "user", entityId: user.id, readAt: null });

    // A later window's repeated failures are news again.
    for (let i = 0; i < SIGN_IN_NOTICE_AFTER; i++) await fail(i, 10);
    expect(await noticesOf(user.id)).toHaveLength(2);

    const notices = async () => (await t.db.select({ n: count() }).from(schema.notifications))[0].n;
    const before = await notices();
    for (let i = 0; i < 10; i++) {
      await authorizeCredentials({ email: "nobody-here@example.test", password: "password-guess" }, { headers: headersFrom(`192.0.2.${i + 1}`), now: window(11), sleep });
    }
    expect(await notices()).toBe(before);
  });

  it("tells the rate limit apart from wrong credentials in the form", async () => {
    const user = await createUser(t.db);
    resetRequest("10.200.0.1");
    for (let i = 0; i < 10; i++) await recordFailure([signInKeys(user.email, "10.200.0.1").accountAddress]);
    const state = await signInAction(null, form({ email: user.email, password: user.password }));
    expect(state).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
    expect(state!.formError).toBe("로그인 실패가 너무 많습니다. 15분 뒤에 다시 시도해 주세요.");
  });

  it("prunes windows that can no longer matter", async () => {
    await recordFailure(["email:old@example.test"], { now: window(20) });
    await recordFailure(["email:new@example.test"], { now: window(22) });
    const keys = (await t.db.select({ key: schema.rateLimitBuckets.key }).from(schema.rateLimitBuckets)).map((r) => r.key);
    expect(keys).toContain("email:new@example.test");
    expect(keys).not.toContain("email:old@example.test");
  });
});

describe("sessions", () => {
  it("returns the actor from the database row, not from the token", async () => {
    const user = await createUser(t.db, { role: "editor", locale: "en" });
    signInAs(user);
    expect(await getActor()).toEqual({ id: user.id, email: user.email, displayName: user.displayName, role: "editor", locale: "en" });
  });

  it("stops a deactivated user's session at the next request", async () => {
    const user = await createUser(t.db);
    signInAs(user);
    expect(await getActor()).not.toBeNull();
    await t.db.update(schema.users).set({ deactivatedAt: new Date() }).where(eq(schema.users.id, user.id));
    expect(await getActor()).toBeNull();
  });

  it("refuses a token whose session version is not the row's, a missing user and a malformed token", async () => {
    const user = await createUser(t.db);
    signInAs({ id: user.id, sessionVersion: user.sessionVersion + 1 });
    expect(await getActor()).toBeNull();
    signInAs({ id: "00000000-0000-4000-8000-000000000000", sessionVersion: 1 });
    expect(await getActor()).toBeNull();
    vi.mocked((await import("@/lib/auth/auth")).auth).mockResolvedValue({ user: { id: "x' or 1=1" }, expires: "" } as never);
    expect(await getActor()).toBeNull();
  });
});

describe("changePasswordAction", () => {
  const input = (current: string) => form({ currentPassword: current, newPassword: "a-new-password-1", newPasswordConfirm: "a-new-password-1" });

  it("refuses anonymous visitors", async () => {
    const before = await snapshot(t.db);
    expect(await changePasswordAction(input("whatever"))).toMatchObject({ ok: false, status: 401, code: "unauthenticated" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("changes the password, ends old sessions and re-issues this one", async () => {
    const user = await createUser(t.db, { role: "viewer" });
    signInAs(user);
    const result = await changePasswordAction(null, input(user.password));
    expect(result).toEqual({ ok: true, reissued: true });

    // The browser that changed it got a fresh session (signIn with the new password)…
    expect(vi.mocked(signIn)).toHaveBeenLastCalledWith("credentials", expect.objectContaining({ email: user.email, password: "a-new-password-1" }));
    // …and every token issued before is dead.
    expect(await getActor()).toBeNull();
    signInAs({ id: user.id, sessionVersion: user.sessionVersion + 1 });
    expect(await getActor()).not.toBeNull();

    const headers = request.headers;
    expect(await authorizeCredentials({ email: user.email, password: user.password }, { headers })).toMatchObject({ ok: false });
    expect(await authorizeCredentials({ email: user.email, password: "a-new-password-1" }, { headers })).toMatchObject({ ok: true });
    const [entry] = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, user.id));
    expect(entry).toMatchObject({ actorId: user.id, action: "user.password_changed", before: null, after: null });
  });

  it("asks to sign in again when the session cannot be re-issued", async () => {
    const user = await createUser(t.db);
    signInAs(user);
    vi.mocked(signIn).mockRejectedValueOnce(new (await import("@/lib/auth/credentials")).SignInRefused("rate_limited"));
    expect(await changePasswordAction(input(user.password))).toEqual({ ok: true, reissued: false });
  });

  it("refuses a wrong current password with a field error and writes nothing", async () => {
    const user = await createUser(t.db);
    signInAs(user);
    const before = await snapshot(t.db);
    const result = await changePasswordAction(input("not-my-password"));
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { currentPassword: ["현재 비밀번호가 올바르지 않습니다."] } });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("stops guessing through a session after ten wrong current passwords, without locking the owner's sign-in", async () => {
    const user = await createUser(t.db);
    signInAs(user);
    for (let i = 0; i < 10; i++) expect(await changePasswordAction(input(`not-my-password-${i}`))).toMatchObject({ ok: false, status: 400 });
    expect(await changePasswordAction(input(user.password))).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
    const sleep = async () => {};
    expect(await authorizeCredentials({ email: user.email, password: user.password }, { headers: request.headers, sleep })).toMatchObject({ ok: true });
  });

  it("returns translated field errors for a short or unconfirmed new password and writes nothing", async () => {
    const user = await createUser(t.db, { locale: "en" });
    signInAs(user);
    const before = await snapshot(t.db);
    const result = await changePasswordAction(form({ currentPassword: user.password, newPassword: "short", newPasswordConfirm: "other" }));
    expect(result).toMatchObject({ ok: false, status: 400, code: "invalid" });
    if (result.ok) throw new Error("unreachable");
    expect(result.fieldErrors).toEqual({
      newPassword: ["Enter at least 10 characters."],
      newPasswordConfirm: ["The two passwords differ."],
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("only ever changes the actor's own password, whatever user id a forged form names", async () => {
    const viewer = await createUser(t.db, { role: "viewer" });
    const other = await createUser(t.db, { role: "admin" });
    signInAs(viewer);
    await changePasswordAction(form({ userId: other.id, currentPassword: other.password, newPassword: "taken-over-pw-1", newPasswordConfirm: "taken-over-pw-1" }));
    const [row] = await t.db.select().from(schema.users).where(eq(schema.users.id, other.id));
    expect(row.passwordHash).toBe(other.passwordHash);
    expect(row.sessionVersion).toBe(other.sessionVersion);
  });
});

describe("setLocaleAction", () => {
  it("sets only the cookie for anonymous visitors", async () => {
    const before = await snapshot(t.db);
    expect(await setLocaleAction("en")).toEqual({ ok: true, locale: "en" });
    expect(request.cookies.get("locale")).toBe("en");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("stores the language on the signed-in user, with an activity entry, and sets the cookie", async () => {
    const user = await createUser(t.db, { locale: "ko" });
    signInAs(user);
    expect(await setLocaleAction(form({ locale: "en" }))).toEqual({ ok: true, locale: "en" });
    expect(request.cookies.get("locale")).toBe("en");
    const [row] = await t.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(row.locale).toBe("en");
    expect(row.sessionVersion).toBe(user.sessionVersion);
    const entries = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, user.id));
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([["user.locale_changed", { locale: "ko" }, { locale: "en" }]]);
  });

  it("refuses an unknown language and writes nothing", async () => {
    const user = await createUser(t.db);
    signInAs(user);
    const before = await snapshot(t.db);
    expect(await setLocaleAction("fr" as never)).toMatchObject({ ok: false, status: 400, fieldErrors: { locale: ["목록에서 골라 주세요."] } });
    expect(request.cookies.has("locale")).toBe(false);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
