import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { recordFailure, signInKeys, SIGN_IN_WINDOW_MS } from "@/lib/auth/rate-limit";
import { getActor } from "@/lib/auth/session";
import { createUser } from "../factories";
import { form, request, resetRequest, signInAs, snapshot } from "./auth-mocks";
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
    expect(result).toEqual({ ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } });
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

describe("failed sign-in limit", () => {
  const window = (n: number) => new Date(Date.UTC(2030, 0, 1) + n * SIGN_IN_WINDOW_MS);

  it("refuses the 11th try in a window even with the right password, and works again in the next window", async () => {
    const user = await createUser(t.db);
    const at = (minutes: number) => new Date(window(0).getTime() + minutes * 60_000);
    for (let i = 0; i < 10; i++) {
      // Each from another address: the account's own count is what stops them.
      const result = await authorizeCredentials(
        { email: user.email, password: `wrong-${i}-password` },
        { headers: new Headers({ "x-forwarded-for": `192.0.2.${i + 1}` }), now: at(i) },
      );
      expect(result).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    const right = { email: user.email, password: user.password };
    const elsewhere = { headers: new Headers({ "x-forwarded-for": "192.0.2.99" }) };
    expect(await authorizeCredentials(right, { ...elsewhere, now: at(14) })).toEqual({ ok: false, reason: "rate_limited" });
    expect(await authorizeCredentials(right, { ...elsewhere, now: window(1) })).toMatchObject({ ok: true });
  });

  it("limits one address guessing across many accounts", async () => {
    const victim = await createUser(t.db);
    const headers = new Headers({ "x-forwarded-for": "203.0.113.66" });
    const now = window(3);
    for (let i = 0; i < 10; i++) {
      await authorizeCredentials({ email: `guess-${i}@example.test`, password: "password-guess" }, { headers, now });
    }
    expect(await authorizeCredentials({ email: victim.email, password: victim.password }, { headers, now })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
  });

  it("tells the rate limit apart from wrong credentials in the form", async () => {
    const user = await createUser(t.db);
    const keys = signInKeys(user.email, "unrelated");
    for (let i = 0; i < 10; i++) await recordFailure(keys.slice(0, 1));
    const state = await signInAction(null, form({ email: user.email, password: user.password }));
    expect(state).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
    expect(state!.formError).toBe("로그인 실패가 너무 많습니다. 15분 뒤에 다시 시도해 주세요.");
  });

  it("prunes windows that can no longer matter", async () => {
    await recordFailure(["email:old@example.test"], { now: window(10) });
    await recordFailure(["email:new@example.test"], { now: window(12) });
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
