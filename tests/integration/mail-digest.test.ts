import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { createFramework, createImpactRow, createPolicy, createResponseItem, createUser, tagPolicy, type UserFixture } from "../factories";
import { withFreshDatabase } from "./harness";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-digest-"));
process.env.APP_URL = "https://desk.example.test";
process.env.DATA_DIR = dataDir;
process.env.AUTH_SECRET = "digest-test-secret-digest-test-secret-0123";

const { digestDue, sendDueDigests } = await import("@/lib/mail/digest");
const { notifyDueItems } = await import("@/lib/notifications/due-soon");
const { notify } = await import("@/lib/notifications/notify");
const { todayIn } = await import("@/lib/format");
const { DIGESTS_DUE, mailJobs } = await import("@/lib/mail/jobs");
const { DUE_REMINDERS, reminderJobs } = await import("@/lib/notifications/jobs");

const t = withFreshDatabase();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const DAY = 24 * 3600_000;
const isoDay = (offset: number) => todayIn(undefined, new Date(Date.now() + offset * DAY));
const mailsOf = (userId: string, kind?: string) =>
  t.db.select().from(schema.mailMessages).where(kind ? and(eq(schema.mailMessages.userId, userId), eq(schema.mailMessages.kind, kind)) : eq(schema.mailMessages.userId, userId));

describe("when a digest is due", () => {
  const daily = { digestTime: "08:30", digestTimeZone: "Asia/Seoul", digestFrequency: "daily" as const, lastDigestOn: null };
  it("at or after the member's own time in their time zone, once per local day; weekly ones on Mondays", () => {
    // 2026-03-11 is a Wednesday; 23:29Z on the 10th is 08:29 on the 11th in Seoul.
    expect(digestDue(daily, new Date("2026-03-10T23:29:00Z"))).toBeNull();
    expect(digestDue(daily, new Date("2026-03-10T23:30:00Z"))).toBe("2026-03-11");
    expect(digestDue({ ...daily, lastDigestOn: "2026-03-11" }, new Date("2026-03-11T05:00:00Z"))).toBeNull();
    expect(digestDue({ ...daily, digestTimeZone: "Europe/Berlin" }, new Date("2026-03-11T07:29:00Z"))).toBeNull();
    expect(digestDue({ ...daily, digestTimeZone: "Europe/Berlin" }, new Date("2026-03-11T07:30:00Z"))).toBe("2026-03-11");
    expect(digestDue({ ...daily, digestFrequency: "weekly" }, new Date("2026-03-11T00:00:00Z"))).toBeNull();
    expect(digestDue({ ...daily, digestFrequency: "weekly" }, new Date("2026-03-09T00:00:00Z"))).toBe("2026-03-09");
    expect(digestDue({ ...daily, digestFrequency: "off" }, new Date("2026-03-11T00:00:00Z"), true)).toBeNull();
    // `jobs:run -- digests`: as if it were digest time.
    expect(digestDue(daily, new Date("2026-03-10T20:00:00Z"), true)).toBe("2026-03-11");
  });
});

describe("the digest", () => {
  let owner: UserFixture;
  let colleague: UserFixture;
  let quiet: UserFixture;
  let item: schema.ResponseItem;
  let late: schema.ResponseItem;
  let policy: schema.Policy;

  beforeAll(async () => {
    owner = await createUser(t.db, { role: "editor", displayName: "김담당", locale: "ko" });
    colleague = await createUser(t.db, { role: "editor", displayName: "이동료" });
    const { nodes, dimension } = await createFramework(t.db, 1);
    await t.db.update(schema.frameworkDimensions).set({ nameKo: "규제 수단" }).where(eq(schema.frameworkDimensions.id, dimension.id));
    policy = await createPolicy(t.db, { titleKo: "생성형 AI 표시 방법" });
    await tagPolicy(t.db, policy.id, [nodes[0].id]);
    item = await createResponseItem(t.db, { ownerId: owner.id, dueOn: isoDay(2), title: "표시 제도 검토" });
    const archived = await createResponseItem(t.db, { ownerId: owner.id, dueOn: isoDay(1), title: "보관한 과제", archivedAt: new Date() });
    late = await createResponseItem(t.db, { ownerId: owner.id, dueOn: isoDay(-2), title: "지난 과제" });
    await notifyDueItems(); // due soon and overdue, both in this owner's digest by default
    await createImpactRow(t.db, { policyId: policy.id, responseItemId: item.id, createdById: colleague.id });
    await t.db.insert(schema.activity).values({
      actorId: colleague.id,
      action: "response_item.status_changed",
      entityType: "response_item",
      entityId: item.id,
      before: { status: "not_started" },
      after: { status: "blocked" },
    });
    await t.db.transaction(async (tx) => {
      await notify(tx, { kind: "reply", userIds: [owner.id], actorId: colleague.id, entityType: "policy", entityId: policy.id, eventKey: "reply:1" });
      await notify(tx, { kind: "mention", userIds: [owner.id], actorId: colleague.id, entityType: "policy", entityId: policy.id, eventKey: "mention:1" });
    });
    expect(archived.id).toBeTruthy();
    // Nothing happened since this member's last digest, and they own nothing.
    quiet = await createUser(t.db, { role: "viewer" });
    await t.db.update(schema.users).set({ lastDigestAt: new Date(Date.now() + 1000) }).where(eq(schema.users.id, quiet.id));
  });

  it("two runs at once (two processes) make one digest per member per day; nothing to say → no mail", async () => {
    await Promise.all([sendDueDigests({ force: true }), sendDueDigests({ force: true })]);
    const digests = await mailsOf(owner.id, "digest");
    expect(digests).toHaveLength(1);
    expect(await mailsOf(quiet.id, "digest")).toHaveLength(0);
    const [quietRow] = await t.db.select().from(schema.users).where(eq(schema.users.id, quiet.id));
    expect(quietRow.lastDigestOn).toBe(todayIn("Asia/Seoul"));
    // Again the same day: nothing more.
    expect(await sendDueDigests({ force: true })).toBe(0);

    const [digest] = digests;
    expect(digest.subject).toBe(`[Policy Desk] ${todayIn("Asia/Seoul")} 요약`);
    expect(digest.unsubscribeUrl).toMatch(/^https:\/\/desk\.example\.test\/api\/mail\/unsubscribe\?token=/);
    const text = digest.textBody;
    expect(text).toContain("알림: 답글");
    expect(text).not.toContain("알림: 나를 언급함"); // mailed at once, not in the digest
    expect(text).toContain("새 정책 — 규제 수단");
    expect(text).toContain(`생성형 AI 표시 방법\n  https://desk.example.test/policies/${policy.id}`);
    expect(text).toContain("내 검토를 기다리는 정책 영향");
    expect(text).toContain(`생성형 AI 표시 방법 → #${item.number} 표시 제도 검토`);
    expect(text).toContain(`#${item.number} 표시 제도 검토 (마감 ${isoDay(2)})`);
    expect(text).toContain(`#${late.number} 지난 과제 (마감 ${isoDay(-2)}, 지남)`);
    expect(text).not.toContain("보관한 과제");
    // Reminders are that section, not a list of notifications of their own.
    expect(text).not.toContain("알림: 마감");
    expect(text).toContain(`#${item.number} 표시 제도 검토: 시작 전 → 막힘 (이동료)`);
    expect(digest.htmlBody).toContain('<h2 style="font-size:15px;margin:16px 0 6px">새 정책 — 규제 수단</h2>');
  });

  it("unsubscribing from the digest (its List-Unsubscribe) stops the digest and nothing else", async () => {
    const [digest] = await mailsOf(owner.id, "digest");
    const route = await import("@/app/api/mail/unsubscribe/route");
    const [before] = await t.db.select().from(schema.users).where(eq(schema.users.id, owner.id));
    expect((await route.POST(new Request(digest.unsubscribeUrl!, { method: "POST", body: "List-Unsubscribe=One-Click" }))).status).toBe(200);
    const [after] = await t.db.select().from(schema.users).where(eq(schema.users.id, owner.id));
    expect(after.digestFrequency).toBe("off");
    expect(after.notificationDelivery).toEqual(before.notificationDelivery);
  });
});

describe("reminders", () => {
  it("two runs at once (two processes): one due-soon or overdue reminder per item per day, and its mail once, for an owner who wants them by mail", async () => {
    const owner = await createUser(t.db, { role: "editor", notificationDelivery: { due_soon: "email", overdue: "email" } });
    const soon = await createResponseItem(t.db, { ownerId: owner.id, dueOn: isoDay(1) });
    const overdue = await createResponseItem(t.db, { ownerId: owner.id, dueOn: isoDay(-3) });
    await createResponseItem(t.db, { ownerId: owner.id, dueOn: isoDay(1), archivedAt: new Date() });
    await createResponseItem(t.db, { ownerId: owner.id, dueOn: isoDay(1), status: "done" });
    await Promise.all([notifyDueItems(), notifyDueItems(), notifyDueItems()]);
    const rows = await t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, owner.id));
    expect(rows.map((r) => [r.kind, r.entityId]).sort()).toEqual([["due_soon", soon.id], ["overdue", overdue.id]].sort());
    const mails = [...(await mailsOf(owner.id, "due_soon")), ...(await mailsOf(owner.id, "overdue"))];
    expect(mails.map((m) => m.kind).sort()).toEqual(["due_soon", "overdue"]);
    expect(mails.every((m) => m.status === "queued")).toBe(true);
    expect(mails.find((m) => m.kind === "overdue")!.subject).toContain("마감 지남");
  });
});

describe("a process start", () => {
  it("makes no digest (the five-minute schedule does) and reminders only once 08:00 has passed in Seoul", () => {
    const runOnStart = (name: string) => [...mailJobs(), ...reminderJobs].find((d) => d.name === name)!.runOnStart;
    expect(runOnStart(DIGESTS_DUE)).toBeFalsy();
    const reminders = runOnStart(DUE_REMINDERS) as (now: Date) => boolean;
    expect(reminders(new Date("2026-03-10T22:59:00Z"))).toBe(false); // 07:59 on the 11th in Seoul
    expect(reminders(new Date("2026-03-10T23:00:00Z"))).toBe(true);
    expect(reminders(new Date("2026-03-11T14:59:00Z"))).toBe(true); // 23:59
  });
});
