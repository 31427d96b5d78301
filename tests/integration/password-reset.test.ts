import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { createUser, type UserFixture } from "../factories";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { withFreshDatabase } from "./harness";

// Configuration is read once per process: set it before the app's modules load.
const smtp: TestSmtpServer = await startSmtpServer();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-reset-"));
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = "https://desk.example.test";
process.env.DATA_DIR = dataDir;
process.env.AUTH_SECRET = "reset-test-secret-reset-test-secret-0123456789";
process.env.MAIL_FROM = "정책 데스크 <desk@example.test>";

const { deliverMail } = await import("@/lib/mail/deliver");
const { openSession, userOfSession } = await import("@/lib/auth/sessions");
const { verifyPassword } = await import("@/lib/auth/password");
const { hashInvitationToken } = await import("@/lib/users/invitation-token");
const reset = await import("@/lib/users/password-reset");
const { inviteMember } = await import("@/lib/users/invite-member");

const t = withFreshDatabase();
let korean: UserFixture;
let admin: UserFixture;

beforeAll(async () => {
  korean = await createUser(t.db, { role: "editor", displayName: "김재설정", locale: "ko" });
  admin = await createUser(t.db, { role: "admin", displayName: "관리자", locale: "en" });
});

afterAll(async () => {
  await smtp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let client = 0;
const newClient = () => `192.0.2.${++client}`;
const resetMails = async (to: string) => (await t.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.toAddress, to))).filter((m) => m.kind === "password_reset");
const resetsOf = (userId: string) => t.db.select().from(schema.passwordResets).where(eq(schema.passwordResets.userId, userId));
const tokenIn = (text: string) => /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text)![1];
const asActor = (u: UserFixture) => ({ id: u.id, email: u.email, displayName: u.displayName, role: u.role, locale: u.locale });
const userRow = async (id: string) => (await t.db.select().from(schema.users).where(eq(schema.users.id, id)))[0];

/** Asks for a reset for `user` and returns the token from the mail that arrives at the SMTP server. */
async function requestAndReceive(user: UserFixture, now = new Date()) {
  const before = (await resetMails(user.email)).map((m) => m.id);
  await reset.requestPasswordReset({ input: { email: user.email.toUpperCase() }, clientAddress: newClient(), now });
  const [mail] = (await resetMails(user.email)).filter((m) => !before.includes(m.id));
  const count = smtp.received.length;
  expect(await deliverMail(mail.id)).toBe("sent");
  const [received] = (await smtp.waitFor(count + 1)).slice(count);
  return { received, token: tokenIn(received.parsed.text ?? "") };
}

describe("forgot password", () => {
  it("mails one single-use link in the recipient's language, the token stored only hashed", async () => {
    const { received, token } = await requestAndReceive(korean);
    expect(received.to).toEqual([korean.email]);
    expect(received.parsed.subject).toBe("[정책 데스크] 비밀번호 재설정 링크");
    expect(received.raw).not.toContain("비밀번호 재설정 링크\r\n"); // the subject went out encoded
    expect(received.parsed.text).toContain(`https://desk.example.test/reset-password/${token}`);
    expect(received.parsed.html).toContain(`https://desk.example.test/reset-password/${token}`);
    expect(received.parsed.headers.get("list-unsubscribe")).toBeUndefined();
    const rows = await resetsOf(korean.id);
    expect(rows.at(-1)!.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.at(-1)!.expiresAt.getTime() - rows.at(-1)!.createdAt.getTime()).toBe(60 * 60 * 1000);
  });

  it("gives the same answer for an unknown address, and mails nothing", async () => {
    const before = (await t.db.select().from(schema.mailMessages)).length;
    await expect(reset.requestPasswordReset({ input: { email: "nobody@example.test" }, clientAddress: newClient() })).resolves.toBeUndefined();
    expect((await t.db.select().from(schema.mailMessages)).length).toBe(before);
    expect(await t.db.select().from(schema.passwordResets)).not.toContainEqual(expect.objectContaining({ userId: undefined }));
  });

  it("mails nothing to a deactivated account", async () => {
    const gone = await createUser(t.db, { role: "editor", deactivated: true });
    await expect(reset.requestPasswordReset({ input: { email: gone.email }, clientAddress: newClient() })).resolves.toBeUndefined();
    expect(await resetMails(gone.email)).toHaveLength(0);
    expect(await resetsOf(gone.id)).toHaveLength(0);
  });

  it("is rate-limited per address and per client", async () => {
    const target = await createUser(t.db, { role: "viewer" });
    const now = new Date("2026-06-01T03:00:00Z");
    for (let i = 0; i < reset.PASSWORD_RESET_MAX_PER_ADDRESS; i++) await reset.requestPasswordReset({ input: { email: target.email }, clientAddress: newClient(), now });
    await expect(reset.requestPasswordReset({ input: { email: target.email }, clientAddress: newClient(), now })).rejects.toMatchObject({ code: "rate_limited" });
    expect(await resetMails(target.email)).toHaveLength(reset.PASSWORD_RESET_MAX_PER_ADDRESS);

    const address = newClient();
    for (let i = 0; i < reset.PASSWORD_RESET_MAX_PER_CLIENT; i++) await reset.requestPasswordReset({ input: { email: `probe-${i}@example.test` }, clientAddress: address, now });
    await expect(reset.requestPasswordReset({ input: { email: `probe-x@example.test` }, clientAddress: address, now })).rejects.toMatchObject({ code: "rate_limited" });
    // A new window lets both through again.
    const later = new Date(now.getTime() + 15 * 60 * 1000);
    await expect(reset.requestPasswordReset({ input: { email: target.email }, clientAddress: address, now: later })).resolves.toBeUndefined();
  });
});

describe("the reset link", () => {
  it("sets the password once, ends every session of the account and records it without secrets", async () => {
    const user = await createUser(t.db, { role: "editor", locale: "en" });
    const sessionId = await openSession(user, {});
    const token = { userId: user.id, sessionVersion: user.sessionVersion, sessionId };
    expect(await userOfSession(token)).not.toBeNull();

    const { received, token: link } = await requestAndReceive(user);
    expect(received.parsed.subject).toBe("[Policy Desk] Password reset link");
    expect((await reset.findPasswordResetByToken(link)).state).toBe("valid");
    await reset.resetPassword({ input: { token: link, password: "a-brand-new-pw", passwordConfirm: "a-brand-new-pw" } });

    const row = await userRow(user.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "a-brand-new-pw")).toBe(true);
    expect(row.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await userOfSession(token)).toBeNull();
    const [session] = await t.db.select().from(schema.sessions).where(eq(schema.sessions.id, sessionId));
    expect(session.revokedAt).not.toBeNull();

    const entries = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, user.id));
    const entry = entries.find((e) => e.action === "user.password_reset")!;
    expect(entry.actorId).toBe(user.id);
    expect(JSON.stringify(entry)).not.toContain(link);
    expect(JSON.stringify(entry)).not.toContain("a-brand-new-pw");

    // Single use.
    expect((await reset.findPasswordResetByToken(link)).state).toBe("used");
    await expect(reset.resetPassword({ input: { token: link, password: "another-new-pw", passwordConfirm: "another-new-pw" } })).rejects.toMatchObject({ code: "gone", messageKey: "auth.resetUsed" });
    expect(await verifyPassword((await userRow(user.id)).passwordHash, "a-brand-new-pw")).toBe(true);
  });

  it("expires after one hour", async () => {
    const user = await createUser(t.db, { role: "viewer" });
    const issued = new Date("2026-06-02T00:00:00Z");
    const { token } = await requestAndReceive(user, issued);
    const almost = new Date(issued.getTime() + 60 * 60 * 1000 - 1);
    const after = new Date(issued.getTime() + 60 * 60 * 1000);
    expect((await reset.findPasswordResetByToken(token, almost)).state).toBe("valid");
    expect((await reset.findPasswordResetByToken(token, after)).state).toBe("expired");
    await expect(reset.resetPassword({ input: { token, password: "too-late-password", passwordConfirm: "too-late-password" }, now: after })).rejects.toMatchObject({
      code: "gone",
      messageKey: "auth.resetExpired",
    });
  });

  it("refuses an unknown token, mismatched passwords and a deactivated account", async () => {
    await expect(reset.resetPassword({ input: { token: "made-up", password: "long-enough-pw", passwordConfirm: "long-enough-pw" } })).rejects.toMatchObject({ code: "gone" });
    await expect(reset.resetPassword({ input: { token: "made-up", password: "long-enough-pw", passwordConfirm: "different-pw!" } })).rejects.toThrow();
    const user = await createUser(t.db, { role: "viewer" });
    const { token } = await requestAndReceive(user);
    await t.db.update(schema.users).set({ deactivatedAt: new Date() }).where(eq(schema.users.id, user.id));
    expect((await reset.findPasswordResetByToken(token)).state).toBe("inactive");
    await expect(reset.resetPassword({ input: { token, password: "long-enough-pw", passwordConfirm: "long-enough-pw" } })).rejects.toMatchObject({ code: "gone" });
  });
});

describe("an admin", () => {
  it("issues a reset link for a member: returned, mailed, recorded; nobody else may", async () => {
    const member = await createUser(t.db, { role: "viewer", locale: "ko" });
    const issued = await reset.issuePasswordReset({ actor: asActor(admin), input: { userId: member.id } });
    expect(issued.path).toMatch(/^\/reset-password\//);
    const [mail] = await resetMails(member.email);
    expect(mail.textBody).toContain(`https://desk.example.test${issued.path}`);
    expect(mail.textBody).toContain("관리자");
    const entries = await t.db.select().from(schema.activity).where(eq(schema.activity.action, "user.password_reset_issued"));
    expect(entries).toContainEqual(expect.objectContaining({ actorId: admin.id, entityId: member.id }));
    expect(JSON.stringify(entries)).not.toContain(issued.path.split("/").at(-1));

    const editor = await createUser(t.db, { role: "editor" });
    await expect(reset.issuePasswordReset({ actor: asActor(editor), input: { userId: member.id } })).rejects.toMatchObject({ code: "forbidden" });
    const gone = await createUser(t.db, { role: "viewer", deactivated: true });
    await expect(reset.issuePasswordReset({ actor: asActor(admin), input: { userId: gone.id } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("sends an invitation by mail when asked, and only then", async () => {
    const email = "invitee-by-mail@example.test";
    const invited = await inviteMember({ actor: asActor(admin), input: { email, role: "editor", sendMail: true } });
    const mails = await t.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.toAddress, email));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "invitation", locale: "en" });
    expect(mails[0].textBody).toContain(`https://desk.example.test${invited.path}`);
    await inviteMember({ actor: asActor(admin), input: { email: "invitee-link-only@example.test", role: "viewer" } });
    expect(await t.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.toAddress, "invitee-link-only@example.test"))).toHaveLength(0);
  });
});
