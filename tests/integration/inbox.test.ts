import { and, count, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Executor } from "@/db/client";
import * as schema from "@/db/schema";
import { notifyDueItems } from "@/lib/notifications/due-soon";
import { notify } from "@/lib/notifications/notify";
import { createResponseItem, createUser, type UserFixture } from "../factories";
import { form, resetRequest, signInAs, snapshot } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const inbox = await import("@/app/(workspace)/inbox/actions");
const profile = await import("@/app/(workspace)/profile/actions");

const t = withFreshDatabase();
beforeEach(() => resetRequest());

async function state(db: Executor) {
  const rows = await db.select({ id: schema.notifications.id, readAt: schema.notifications.readAt }).from(schema.notifications).orderBy(schema.notifications.id);
  const delivery = await db.select({ id: schema.users.id, delivery: schema.users.notificationDelivery }).from(schema.users).orderBy(schema.users.id);
  return { ...(await snapshot(db)), rows, delivery };
}

const schedule = { digestTime: "08:30", digestTimeZone: "Asia/Seoul", digestFrequency: "daily" };
let events = 0;
async function notified(user: UserFixture, kind: schema.Notification["kind"] = "mention") {
  const actor = await createUser(t.db, { role: "editor" });
  await notify(t.db, { kind, userIds: [user.id], actorId: actor.id, entityType: "policy", entityId: crypto.randomUUID(), eventKey: `test:${events++}` });
  const [row] = await t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, user.id)).orderBy(schema.notifications.createdAt);
  return row;
}

const unread = async (userId: string) =>
  (await t.db.select({ n: count() }).from(schema.notifications).where(and(eq(schema.notifications.userId, userId), eq(schema.notifications.kind, "mention"))))[0].n;

describe("mark read", () => {
  it("refuses anonymous visitors with 401 and writes nothing", async () => {
    const user = await createUser(t.db);
    const n = await notified(user);
    const before = await state(t.db);
    expect(await inbox.markNotificationReadAction(form({ notificationId: n.id }))).toMatchObject({ ok: false, status: 401 });
    expect(await inbox.markAllNotificationsReadAction(form({}))).toMatchObject({ ok: false, status: 401 });
    expect(await profile.setNotificationPreferencesAction(form({ ...schedule, mention: "off" }))).toMatchObject({ ok: false, status: 401 });
    expect(await state(t.db)).toEqual(before);
  });

  it("lets a viewer mark their own notification read, but not someone else's", async () => {
    const [viewer, other] = [await createUser(t.db, { role: "viewer" }), await createUser(t.db, { role: "viewer" })];
    const mine = await notified(viewer);
    const theirs = await notified(other);
    signInAs(viewer);
    const before = await state(t.db);
    expect(await inbox.markNotificationReadAction(form({ notificationId: theirs.id }))).toMatchObject({ ok: false, status: 404 });
    expect(await state(t.db)).toEqual(before);
    expect(await inbox.markNotificationReadAction(form({ notificationId: mine.id }))).toEqual({ ok: true, notificationId: mine.id });
    const [row] = await t.db.select().from(schema.notifications).where(eq(schema.notifications.id, mine.id));
    expect(row.readAt).not.toBeNull();
    const [otherRow] = await t.db.select().from(schema.notifications).where(eq(schema.notifications.id, theirs.id));
    expect(otherRow.readAt).toBeNull();
  });

  it("marks all of one's own unread notifications read, nobody else's", async () => {
    const [user, other] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor" })];
    await notified(user);
    await notified(user, "reply");
    await notified(other);
    signInAs(user);
    expect(await inbox.markAllNotificationsReadAction(form({}))).toEqual({ ok: true, count: 2 });
    expect(await inbox.markAllNotificationsReadAction(form({}))).toEqual({ ok: true, count: 0 });
    const [left] = await t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, other.id));
    expect(left.readAt).toBeNull();
  });

  it("refuses a malformed id with a field error and writes nothing", async () => {
    signInAs(await createUser(t.db));
    const before = await state(t.db);
    expect(await inbox.markNotificationReadAction(form({ notificationId: "1 or 1=1" }))).toMatchObject({ ok: false, status: 400, fieldErrors: { notificationId: expect.any(Array) } });
    expect(await state(t.db)).toEqual(before);
  });
});

describe("notification preferences", () => {
  it("a viewer turns kinds off (with an activity entry); kinds turned off are not created; bad choices are refused", async () => {
    const viewer = await createUser(t.db, { role: "viewer" });
    signInAs(viewer);
    const before = await state(t.db);
    expect(await profile.setNotificationPreferencesAction(form({ ...schedule, mention: "everything" }))).toMatchObject({ ok: false, status: 400, fieldErrors: { mention: expect.any(Array) } });
    expect(await profile.setNotificationPreferencesAction(form({ ...schedule, digestTimeZone: "Mars/Olympus" }))).toMatchObject({ ok: false, status: 400, fieldErrors: { digestTimeZone: expect.any(Array) } });
    expect(await profile.setNotificationPreferencesAction(form({ ...schedule, digestTime: "25:00" }))).toMatchObject({ ok: false, status: 400, fieldErrors: { digestTime: expect.any(Array) } });
    expect(await state(t.db)).toEqual(before);

    expect(await profile.setNotificationPreferencesAction(form({ ...schedule, mention: "off", due_soon: "off" }))).toMatchObject({ ok: true, delivery: { mention: "off", due_soon: "off", reply: "digest" } });
    const entries = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, viewer.id));
    expect(entries.map((e) => [e.action, (e.after as { notificationDelivery: unknown }).notificationDelivery])).toEqual([
      ["notification.preferences_changed", { mention: "off", due_soon: "off" }],
    ]);

    await notified(viewer, "mention");
    expect(await unread(viewer.id)).toBe(0);
    await notified(viewer, "reply");
    expect((await t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, viewer.id))).map((n) => n.kind)).toEqual(["reply"]);

    // Back to the defaults: nothing stored but the schedule.
    expect(await profile.setNotificationPreferencesAction(form({ ...schedule, mention: "email", due_soon: "digest" }))).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(schema.users).where(eq(schema.users.id, viewer.id));
    expect(row.notificationDelivery).toEqual({});
  });
});

describe("due soon and overdue", () => {
  it("tells owners of open, unarchived items due within 3 days (due soon) or past due (overdue), once per item per day", async () => {
    const [owner, muted] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor", notificationDelivery: { due_soon: "off" } })];
    const now = new Date("2026-03-10T03:00:00Z"); // 12:00 in Seoul
    const soon = await createResponseItem(t.db, { ownerId: owner.id, dueOn: "2026-03-13" });
    const overdue = await createResponseItem(t.db, { ownerId: owner.id, dueOn: "2026-02-01" });
    await createResponseItem(t.db, { ownerId: owner.id, dueOn: "2026-03-14" }); // 4 days out
    await createResponseItem(t.db, { ownerId: owner.id, dueOn: "2026-03-11", status: "done" });
    await createResponseItem(t.db, { ownerId: null, dueOn: "2026-03-11" });
    await createResponseItem(t.db, { ownerId: muted.id, dueOn: "2026-03-11" });
    await createResponseItem(t.db, { ownerId: owner.id, dueOn: "2026-03-11", archivedAt: new Date() });

    expect(await notifyDueItems(now)).toBe(2);
    expect(await notifyDueItems(now)).toBe(0);
    const rows = await t.db.select().from(schema.notifications).where(inArray(schema.notifications.kind, ["due_soon", "overdue"]));
    expect(rows.map((r) => [r.kind, r.userId, r.entityId, r.eventKey, r.actorId]).sort()).toEqual(
      [
        ["due_soon", owner.id, soon.id, `due:${soon.id}:2026-03-10`, null],
        ["overdue", owner.id, overdue.id, `due:${overdue.id}:2026-03-10`, null],
      ].sort(),
    );

    // A new due date the same day is no second reminder; the next day reminds again.
    await t.db.update(schema.responseItems).set({ dueOn: "2026-03-12" }).where(eq(schema.responseItems.id, soon.id));
    expect(await notifyDueItems(now)).toBe(0);
    // The next day: both again, and the item due on the 14th is now within 3 days.
    expect(await notifyDueItems(new Date("2026-03-11T03:00:00Z"))).toBe(3);
  });
});
