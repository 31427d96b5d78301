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
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-mail-"));
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = "https://desk.example.test";
process.env.DATA_DIR = dataDir;
process.env.AUTH_SECRET = "mail-test-secret-mail-test-secret-0123456789";
process.env.MAIL_FROM = "정책 데스크 <desk@example.test>";

const { resetEnvForTests } = await import("@/lib/env");
const { notify } = await import("@/lib/notifications/notify");
const { deliverMail, MailRetryError } = await import("@/lib/mail/deliver");
const { enqueueMail, MAIL_SEND } = await import("@/lib/mail/enqueue");
const { mailJobs } = await import("@/lib/mail/jobs");
const { startJobs, stopJobs } = await import("@/lib/jobs/runner");
const { unsubscribeToken } = await import("@/lib/mail/links");
const route = await import("@/app/api/mail/unsubscribe/route");

const t = withFreshDatabase();
let korean: UserFixture;
let english: UserFixture;
let actor: UserFixture;

beforeAll(async () => {
  korean = await createUser(t.db, { role: "editor", displayName: "김수신", locale: "ko" });
  english = await createUser(t.db, { role: "editor", displayName: "Reader", locale: "en" });
  actor = await createUser(t.db, { role: "editor", displayName: "박작성 (Park)" });
  // The runner started below also makes digests (tests/integration/mail-digest.test.ts): none here.
  await t.db.update(schema.users).set({ digestFrequency: "off" });
});

afterAll(async () => {
  await stopJobs();
  await smtp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const mails = () => t.db.select().from(schema.mailMessages).orderBy(schema.mailMessages.createdAt);
const mailsTo = async (userId: string) => (await mails()).filter((m) => m.userId === userId);
const userRow = async (id: string) => (await t.db.select().from(schema.users).where(eq(schema.users.id, id)))[0];
let n = 0;
const mention = async (userIds: string[], title = "생성형 인공지능 서비스 관리 잠행办法 «표시»") => {
  const [policy] = await t.db.insert(schema.policies).values({ titleKo: title, titleZh: "生成式人工智能服务管理暂行办法", titleEn: "Interim Measures for Generative AI" }).returning();
  await t.db.transaction((tx) => notify(tx, { kind: "mention", userIds, actorId: actor.id, entityType: "policy", entityId: policy.id, eventKey: `test:${n++}` }));
  return policy;
};

describe("a notification by mail", () => {
  it("is queued in the notifying transaction, and not at all when that transaction rolls back", async () => {
    const before = (await mails()).length;
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, { kind: "mention", userIds: [korean.id], actorId: actor.id, entityType: "policy", entityId: crypto.randomUUID(), eventKey: "rolled-back" });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect((await mails()).length).toBe(before);
  });

  it("goes out in the recipient's language: encoded Korean subject, text and HTML, absolute links, one-click unsubscribe", async () => {
    const policy = await mention([korean.id, english.id]);
    const [ko] = await mailsTo(korean.id);
    const [en] = await mailsTo(english.id);
    expect(ko).toMatchObject({ status: "queued", kind: "mention", locale: "ko", toAddress: korean.email });
    expect(await deliverMail(ko.id)).toBe("sent");
    expect(await deliverMail(en.id)).toBe("sent");
    expect(await deliverMail(ko.id)).toBe("skipped"); // sent once, whatever asks again
    const received = await smtp.waitFor(2);
    const koMail = received.find((m) => m.to.includes(korean.email))!;
    const enMail = received.find((m) => m.to.includes(english.email))!;

    const subject = `[Policy Desk] 나를 언급함: ${policy.titleKo}`;
    expect(koMail.parsed.subject).toBe(subject);
    expect(koMail.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im); // RFC 2047, not raw UTF-8
    expect(koMail.raw).not.toContain(subject);
    expect(koMail.parsed.from?.value[0]).toMatchObject({ name: "정책 데스크", address: "desk@example.test" });
    expect(koMail.parsed.messageId).toBe(ko.messageId);
    expect(koMail.parsed.text).toContain("박작성 (Park) 님의 활동입니다.");
    expect(koMail.parsed.text).toContain(`https://desk.example.test/policies/${policy.id}`);
    expect(koMail.parsed.html).toContain(`<a href="https://desk.example.test/policies/${policy.id}">Policy Desk에서 열기</a>`);
    expect(koMail.parsed.html).toContain('<html lang="ko">');
    expect(enMail.parsed.subject).toBe(`[Policy Desk] Mentioned you: ${policy.titleEn}`);
    expect(enMail.parsed.text).toContain("By 박작성 (Park).");

    expect(koMail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const listHeader = koMail.raw.match(/^List-Unsubscribe: <([^>]+)>\r?$/m)?.[1];
    expect(listHeader).toMatch(/^https:\/\/desk\.example\.test\/api\/mail\/unsubscribe\?token=/);
    expect(koMail.parsed.text).toContain(listHeader!);
  });

  it("following List-Unsubscribe (RFC 8058 POST) turns off that kind's mail for that member only", async () => {
    await mention([korean.id]);
    const latest = (await mailsTo(korean.id)).at(-1)!;
    const before = { me: await userRow(korean.id), other: await userRow(english.id) };

    // A GET (a person's browser, a link scanner) only asks.
    const ask = await route.GET(new Request(latest.unsubscribeUrl!));
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain("나를 언급함 메일을 더 받지 않으시겠습니까?");
    expect((await userRow(korean.id)).notificationDelivery).toEqual(before.me.notificationDelivery);

    const done = await route.POST(new Request(latest.unsubscribeUrl!, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(done.status).toBe(200);
    const after = await userRow(korean.id);
    expect(after.notificationDelivery).toEqual({ mention: "in_app" });
    expect({ ...after, notificationDelivery: {}, updatedAt: null }).toEqual({ ...before.me, notificationDelivery: {}, updatedAt: null });
    expect(await userRow(english.id)).toEqual(before.other);

    // Still told in the app, no longer by mail.
    const count = (await mailsTo(korean.id)).length;
    await mention([korean.id]);
    expect((await mailsTo(korean.id)).length).toBe(count);
    expect((await t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, korean.id))).length).toBeGreaterThanOrEqual(3);
  });

  it("refuses a forged, tampered or expired token and changes nothing", async () => {
    const before = await userRow(english.id);
    const good = unsubscribeToken(english.id, "mention");
    const expired = unsubscribeToken(english.id, "mention", new Date(Date.now() - 100 * 24 * 3600_000));
    const [payload, mac] = good.split(".");
    const otherPayload = Buffer.from(JSON.stringify({ u: korean.id, k: "mention", e: Date.now() + 1e9 })).toString("base64url");
    for (const token of [expired, `${otherPayload}.${mac}`, `${payload}.${mac.slice(1)}x`, "garbage", ""]) {
      const response = await route.POST(new Request(`https://desk.example.test/api/mail/unsubscribe?token=${encodeURIComponent(token)}`, { method: "POST" }));
      expect(response.status, token).toBe(400);
    }
    expect(await userRow(english.id)).toEqual(before);
  });
});

describe("delivery", () => {
  it("a server that refuses twice, then accepts: exactly one mail, after three attempts through the job runner", async () => {
    smtp.received.length = 0;
    smtp.refuseNext(2);
    await startJobs(mailJobs({ retryDelaySeconds: 1 }), t.handle);
    let id: string | null = null;
    await t.db.transaction(async (tx) => {
      id = await enqueueMail(tx, { to: "retry@example.test", locale: "ko", kind: "test", content: { subject: "다시 시도 — 재전송", heading: "재전송" } });
    });
    await smtp.waitFor(1, 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received).toHaveLength(1);
    expect(smtp.refused()).toBe(2);
    const [row] = await t.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.id, id!));
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    await stopJobs();
  });

  it("records the final failure with its error after the last attempt", async () => {
    smtp.refuseNext(100);
    const id = await t.db.transaction((tx) => enqueueMail(tx, { to: "never@example.test", locale: "en", kind: "test", content: { subject: "Never", heading: "Never" } }));
    for (let i = 0; i < 4; i++) await expect(deliverMail(id!)).rejects.toBeInstanceOf(MailRetryError);
    expect(await deliverMail(id!)).toBe("failed");
    const [row] = await t.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.id, id!));
    expect(row).toMatchObject({ status: "failed", attempts: 5 });
    expect(row.lastError).toMatch(/451|Try again later/);
    expect(await deliverMail(id!)).toBe("skipped");
    smtp.refuseNext(0);
  });

  it("a mail committed with its job by a process that died before sending is sent once by the next runner", async () => {
    smtp.received.length = 0;
    // The dying process: its runner is up (so the job is written with the mail), its worker never runs.
    const dying = await startJobs([], t.handle);
    await dying.boss.createQueue(MAIL_SEND, mailJobs()[0].queue);
    const id = await t.db.transaction((tx) => enqueueMail(tx, { to: "crash@example.test", locale: "ko", kind: "test", content: { subject: "충돌 뒤에도 한 번", heading: "한 번" } }));
    await stopJobs();
    expect((await t.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.id, id!)))[0].status).toBe("queued");

    await startJobs(mailJobs({ retryDelaySeconds: 1 }), t.handle);
    await smtp.waitFor(1, 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(smtp.received.filter((m) => m.to.includes("crash@example.test"))).toHaveLength(1);
    expect(smtp.received[0].parsed.subject).toBe("충돌 뒤에도 한 번");
    await stopJobs();
  });

  it("without SMTP_URL, writes the mail as an .eml file (0600) under DATA_DIR/outbox", async () => {
    delete process.env.SMTP_URL;
    resetEnvForTests();
    try {
      const id = await t.db.transaction((tx) => enqueueMail(tx, { to: "outbox@example.test", locale: "ko", kind: "test", content: { subject: "보낼 편지함 — 한글 제목", heading: "파일" } }));
      expect(await deliverMail(id!)).toBe("written");
      const [row] = await t.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.id, id!));
      expect(row.status).toBe("written");
      const file = path.join(dataDir, "outbox", row.outboxFile!);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      const { simpleParser } = await import("mailparser");
      const parsed = await simpleParser(fs.readFileSync(file));
      expect(parsed.subject).toBe("보낼 편지함 — 한글 제목");
      expect(parsed.text).toContain("파일");
      expect(parsed.html).toContain("파일");
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    } finally {
      process.env.SMTP_URL = smtp.url;
      resetEnvForTests();
    }
  });
});
