import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { getActor } from "@/lib/auth/session";
import { changeRole } from "@/lib/users/change-role";
import { createUser, type UserFixture } from "../factories";
import { form, request, resetRequest, signInAs, snapshot } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const members = await import("@/app/(workspace)/members/actions");
const { acceptInvitationAction } = await import("@/app/(auth)/invite/[token]/actions");
const { signIn } = await import("@/lib/auth/auth");

const t = withFreshDatabase();

beforeEach(() => resetRequest());

const userRow = async (id: string) => (await t.db.select().from(schema.users).where(eq(schema.users.id, id)))[0];
const tokenOf = (path: string) => path.replace("/invite/", "");

async function invite(admin: UserFixture, fields: Partial<Record<"email" | "role" | "expiresInDays", string | number>> = {}) {
  signInAs(admin);
  const result = await members.inviteMemberAction(
    form({ email: `invitee-${Math.random().toString(36).slice(2)}@example.test`, role: "editor", expiresInDays: 7, ...fields }),
  );
  if (!result.ok) throw new Error(`invite failed: ${result.formError}`);
  return result;
}

/**
 * Every members action with a valid input against a fresh target (prepared as an admin where
 * needed). Sent by anonymous visitors, viewers and editors, none may write anything.
 */
const guarded: {
  name: string;
  prepare: (admin: UserFixture, target: UserFixture) => Promise<FormData>;
  call: (input: FormData) => Promise<{ ok: boolean }>;
}[] = [
  {
    name: "inviteMemberAction",
    prepare: async () => form({ email: "forged@example.test", role: "admin", expiresInDays: 7 }),
    call: members.inviteMemberAction,
  },
  {
    name: "revokeInvitationAction",
    prepare: async (admin) => form({ invitationId: (await invite(admin)).invitationId }),
    call: members.revokeInvitationAction,
  },
  {
    name: "changeRoleAction",
    // A viewer trying to make someone else (or, via them, themself) an admin.
    prepare: async (_admin, target) => form({ userId: target.id, role: "admin", version: target.version }),
    call: members.changeRoleAction,
  },
  {
    name: "deactivateMemberAction",
    prepare: async (_admin, target) => form({ userId: target.id, version: target.version }),
    call: members.deactivateMemberAction,
  },
  {
    name: "reactivateMemberAction",
    prepare: async (_admin, target) => {
      await t.db.update(schema.users).set({ deactivatedAt: new Date() }).where(eq(schema.users.id, target.id));
      return form({ userId: target.id, version: target.version });
    },
    call: members.reactivateMemberAction,
  },
];

describe.each(guarded)("$name", ({ prepare, call }) => {
  it("refuses anonymous visitors with 401 and writes nothing", async () => {
    const [admin, target] = [await createUser(t.db, { role: "admin" }), await createUser(t.db, { role: "viewer" })];
    const input = await prepare(admin, target);
    resetRequest();
    const before = await snapshot(t.db);
    expect(await call(input)).toMatchObject({ ok: false, status: 401, code: "unauthenticated", formError: "로그인이 필요합니다." });
    expect(await snapshot(t.db)).toEqual(before);
  });

  for (const role of ["viewer", "editor"] as const) {
    it(`refuses a ${role}'s forged request with 403 and writes nothing`, async () => {
      const [admin, target] = [await createUser(t.db, { role: "admin" }), await createUser(t.db, { role: "viewer" })];
      const member = await createUser(t.db, { role });
      const input = await prepare(admin, target);
      signInAs(member);
      const before = await snapshot(t.db);
      expect(await call(input)).toMatchObject({ ok: false, status: 403, code: "forbidden", formError: "이 작업을 할 권한이 없습니다." });
      expect(await snapshot(t.db)).toEqual(before);
    });
  }

  it("refuses a deactivated admin's still-open session with 401", async () => {
    const [admin, target] = [await createUser(t.db, { role: "admin" }), await createUser(t.db, { role: "viewer" })];
    const input = await prepare(admin, target);
    const gone = await createUser(t.db, { role: "admin", deactivated: true });
    signInAs(gone);
    const before = await snapshot(t.db);
    expect(await call(input)).toMatchObject({ ok: false, status: 401 });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("bad input", () => {
  it.each([
    ["inviteMemberAction", () => members.inviteMemberAction(form({ email: "nope", role: "owner", expiresInDays: 31 })), { email: ["올바른 이메일 주소를 입력해 주세요."], role: ["목록에서 골라 주세요."], expiresInDays: ["30 이하여야 합니다."] }],
    ["revokeInvitationAction", () => members.revokeInvitationAction(form({ invitationId: "42" })), { invitationId: ["올바른 값이 아닙니다."] }],
    ["changeRoleAction", () => members.changeRoleAction(form({ userId: "not-a-uuid", role: "superuser", version: "x" })), { userId: ["올바른 값이 아닙니다."], role: ["목록에서 골라 주세요."], version: ["숫자를 입력해 주세요."] }],
    ["deactivateMemberAction", () => members.deactivateMemberAction(form({ version: 1 })), { userId: ["필수 항목입니다."] }],
    ["reactivateMemberAction", () => members.reactivateMemberAction(form({ userId: "00000000-0000-4000-8000-000000000000", version: 0 })), { version: ["1 이상이어야 합니다."] }],
  ])("%s returns translated field errors and writes nothing", async (_name, call, fieldErrors) => {
    const admin = await createUser(t.db, { role: "admin" });
    signInAs(admin);
    const before = await snapshot(t.db);
    const result = await (call as () => Promise<unknown>)();
    expect(result).toMatchObject({ ok: false, status: 400, code: "invalid", formError: "입력한 내용을 확인해 주세요." });
    expect((result as { fieldErrors: unknown }).fieldErrors).toEqual(fieldErrors);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("invitations", () => {
  it("stores only the token's hash and accepts it once, creating the user with the invited role", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    const invited = await invite(admin, { email: "New.Member@Example.test", role: "viewer" });
    expect(invited.path).toMatch(/^\/invite\/[\w-]{43}$/);
    const [stored] = await t.db.select().from(schema.invitations).where(eq(schema.invitations.id, invited.invitationId));
    expect(stored.email).toBe("new.member@example.test");
    expect(stored.tokenHash).not.toContain(tokenOf(invited.path));

    resetRequest();
    request.cookies.set("locale", "en");
    const accept = { token: tokenOf(invited.path), displayName: "  새 구성원 ", password: "long-enough-pw", passwordConfirm: "long-enough-pw" };
    expect(await acceptInvitationAction(null, form(accept))).toEqual({ ok: true });
    const [user] = await t.db.select().from(schema.users).where(eq(schema.users.email, "new.member@example.test"));
    expect(user).toMatchObject({ role: "viewer", displayName: "새 구성원", locale: "en", deactivatedAt: null });
    expect(vi.mocked(signIn)).toHaveBeenCalledWith("credentials", expect.objectContaining({ email: user.email, redirectTo: "/" }));
    expect(await authorizeCredentials({ email: user.email, password: "long-enough-pw" }, { headers: request.headers })).toMatchObject({ ok: true });
    const [entry] = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, user.id));
    expect(entry).toMatchObject({ actorId: user.id, action: "user.joined" });

    const again = await acceptInvitationAction(form({ ...accept, displayName: "Someone else" }));
    // The visitor chose English (cookie), so the refusal is in English.
    expect(again).toMatchObject({ ok: false, status: 410, formError: "This invitation link was already used. Sign in with the account it created." });
  });

  it("refuses an expired, a revoked and an unknown token clearly, writing nothing", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    const expired = await invite(admin);
    await t.db.update(schema.invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.invitations.id, expired.invitationId));
    const revoked = await invite(admin);
    expect(await members.revokeInvitationAction(form({ invitationId: revoked.invitationId }))).toEqual({ ok: true });
    expect(await members.revokeInvitationAction(form({ invitationId: revoked.invitationId }))).toMatchObject({ ok: false, status: 409 });

    resetRequest();
    const before = await snapshot(t.db);
    const attempt = (token: string) => acceptInvitationAction(form({ token, displayName: "X", password: "long-enough-pw", passwordConfirm: "long-enough-pw" }));
    expect(await attempt(tokenOf(expired.path))).toMatchObject({ ok: false, status: 410, formError: "초대 링크의 유효 기간이 지났습니다. 관리자에게 새 링크를 요청하세요." });
    expect(await attempt(tokenOf(revoked.path))).toMatchObject({ ok: false, status: 410, formError: "관리자가 취소한 초대 링크입니다. 필요하면 새 링크를 요청하세요." });
    expect(await attempt("made-up-token")).toMatchObject({ ok: false, status: 410, code: "gone" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses inviting or accepting for an e-mail that already has an account", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    signInAs(admin);
    const taken = await members.inviteMemberAction(form({ email: admin.email.toUpperCase(), role: "editor", expiresInDays: 3 }));
    expect(taken).toMatchObject({ ok: false, status: 409, fieldErrors: { email: ["이미 이 이메일을 쓰는 구성원이 있습니다."] } });

    const invited = await invite(admin, { email: "late@example.test" });
    await createUser(t.db, { email: "late@example.test" });
    resetRequest();
    const result = await acceptInvitationAction(form({ token: tokenOf(invited.path), displayName: "Late", password: "long-enough-pw", passwordConfirm: "long-enough-pw" }));
    expect(result).toMatchObject({ ok: false, status: 409, formError: "이 이메일로 만든 계정이 이미 있습니다. 로그인하세요." });
  });

  it("replaces an address's pending invitation when it is invited again", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    const first = await invite(admin, { email: "twice@example.test" });
    await invite(admin, { email: "twice@example.test" });
    const [row] = await t.db.select().from(schema.invitations).where(eq(schema.invitations.id, first.invitationId));
    expect(row.revokedAt).not.toBeNull();
  });

  it("returns field errors for a bad accept form and writes nothing", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    const invited = await invite(admin);
    resetRequest();
    const before = await snapshot(t.db);
    const result = await acceptInvitationAction(form({ token: tokenOf(invited.path), displayName: " ", password: "short", passwordConfirm: "different" }));
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect((result as { fieldErrors: unknown }).fieldErrors).toEqual({
      displayName: ["필수 항목입니다."],
      password: ["10자 이상 입력해 주세요."],
      passwordConfirm: ["두 비밀번호가 서로 다릅니다."],
    });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("roles and status", () => {
  it("changes a role, records it, and ends the member's sessions", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    const member = await createUser(t.db, { role: "viewer" });
    signInAs(member);
    expect(await getActor()).toMatchObject({ role: "viewer" });

    signInAs(admin);
    const result = await members.changeRoleAction(form({ userId: member.id, role: "editor", version: member.version }));
    expect(result).toEqual({ ok: true, version: member.version + 1 });
    expect(await userRow(member.id)).toMatchObject({ role: "editor", sessionVersion: member.sessionVersion + 1 });
    const [entry] = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, member.id));
    expect(entry).toMatchObject({ actorId: admin.id, action: "user.role_changed", before: { role: "viewer" }, after: { role: "editor" } });

    signInAs(member);
    expect(await getActor()).toBeNull();
  });

  it("refuses a change based on a stale version with 409", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    const member = await createUser(t.db, { role: "viewer" });
    signInAs(admin);
    await members.changeRoleAction(form({ userId: member.id, role: "editor", version: member.version }));
    const before = await snapshot(t.db);
    const stale = await members.deactivateMemberAction(form({ userId: member.id, version: member.version }));
    expect(stale).toMatchObject({ ok: false, status: 409, code: "conflict" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("never lets an admin demote or deactivate themself", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    await createUser(t.db, { role: "admin" });
    signInAs(admin);
    const before = await snapshot(t.db);
    expect(await members.changeRoleAction(form({ userId: admin.id, role: "viewer", version: admin.version }))).toMatchObject({
      ok: false,
      status: 403,
      formError: "자신의 관리자 역할은 바꿀 수 없습니다. 다른 관리자에게 요청하세요.",
    });
    expect(await members.deactivateMemberAction(form({ userId: admin.id, version: admin.version }))).toMatchObject({ ok: false, status: 403 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("keeps the last active admin when two admins demote each other at once", async () => {
    const [a, b] = [await createUser(t.db, { role: "admin" }), await createUser(t.db, { role: "admin" })];
    // Make them the only active admins of this database.
    await t.db.update(schema.users).set({ role: "editor" }).where(eq(schema.users.role, "admin"));
    await t.db.update(schema.users).set({ role: "admin" }).where(eq(schema.users.id, a.id));
    await t.db.update(schema.users).set({ role: "admin" }).where(eq(schema.users.id, b.id));
    const actorA = { id: a.id, email: a.email, displayName: a.displayName, role: "admin" as const, locale: "ko" as const };
    const actorB = { ...actorA, id: b.id, email: b.email };
    // Both passed their session check as admins; the verbs then run one after the other.
    await changeRole({ actor: actorA, input: { userId: b.id, role: "editor", version: b.version } });
    await expect(changeRole({ actor: actorB, input: { userId: a.id, role: "editor", version: a.version } })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "members.lastAdmin",
    });
    expect(await userRow(a.id)).toMatchObject({ role: "admin" });
  });

  it("deactivates a member (their session ends, sign-in refused) and reactivates them", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    const member = await createUser(t.db, { role: "editor" });
    signInAs(admin);
    const off = await members.deactivateMemberAction(form({ userId: member.id, version: member.version }));
    expect(off).toEqual({ ok: true, version: member.version + 1 });
    const row = await userRow(member.id);
    expect(row.deactivatedAt).not.toBeNull();

    signInAs(member);
    expect(await getActor()).toBeNull();
    expect(await authorizeCredentials({ email: member.email, password: member.password }, { headers: request.headers })).toEqual({
      ok: false,
      reason: "invalid_credentials",
    });

    signInAs(admin);
    expect(await members.reactivateMemberAction(form({ userId: member.id, version: row.version }))).toEqual({ ok: true, version: row.version + 1 });
    expect(await userRow(member.id)).toMatchObject({ deactivatedAt: null, role: "editor" });
    expect(await authorizeCredentials({ email: member.email, password: member.password }, { headers: request.headers })).toMatchObject({ ok: true });
    const actions = (await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, member.id))).map((e) => e.action);
    expect(actions).toEqual(["user.deactivated", "user.reactivated"]);
  });

  it("answers 404 for a member that does not exist", async () => {
    const admin = await createUser(t.db, { role: "admin" });
    signInAs(admin);
    expect(await members.changeRoleAction(form({ userId: "00000000-0000-4000-8000-000000000000", role: "editor", version: 1 }))).toMatchObject({
      ok: false,
      status: 404,
      formError: "구성원을 찾을 수 없습니다.",
    });
  });
});
