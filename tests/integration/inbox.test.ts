import { and, count, eq } from "drizzle-orm";
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

const t = withFreshDatabase();
beforeEach(() => resetRequest());

async function state(db: Executor) {
  const rows = await db.select({ id: schema.notifications.id, readAt: schema.notifications.readAt }).from(schema.notifications).orderBy(schema.notifications.id);
  const muted = await db.select({ id: schema.users.id, muted: schema.users.mutedNotificationKinds }).from(schema.users).orderBy(schema.users.id);
  return { ...(await snapshot(db)), rows, muted };
}

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
    expect(await inbox.setMutedKindsAction(form({ muted: "mention" }))).toMatchObject({ ok: false, status: 401 });
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

describe("muted kinds", () => {
  it("a viewer mutes kinds (with an activity entry); muted kinds are not created; bad kinds are refused", async () => {
    const viewer = await createUser(t.db, { role: "viewer" });
    signInAs(viewer);
    const before = await state(t.db);
    expect(await inbox.setMutedKindsAction(form({ muted: "everything" }))).toMatchObject({ ok: false, status: 400, fieldErrors: { "muted.0": expect.any(Array) } });
    expect(await state(t.db)).toEqual(before);

    const data = new FormData();
    data.append("muted", "mention");
    data.append("muted", "due_soon");
    expect(await inbox.setMutedKindsAction(data)).toEqual({ ok: true, muted: ["mention", "due_soon"] });
    const entries = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, viewer.id));
    expect(entries.map((e) => [e.action, e.after])).toEqual([["notification.muted_kinds_changed", { mutedNotificationKinds: ["mention", "due_soon"] }]]);

    await notified(viewer, "mention");
    expect(await unread(viewer.id)).toBe(0);
    await notified(viewer, "reply");
    expect((await t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, viewer.id))).map((n) => n.kind)).toEqual(["reply"]);

    // Nothing checked: nothing muted.
    expect(await inbox.setMutedKindsAction(new FormData())).toEqual({ ok: true, muted: [] });
  });
});

describe("due soon", () => {
  it("tells owners of open items due within 3 days or overdue, once per due date", async () => {
    const [owner, muted] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor", mutedNotificationKinds: ["due_soon"] })];
    const now = new Date("2026-03-10T03:00:00Z"); // 12:00 in Seoul
    const soon = await createResponseItem(t.db, { ownerId: owner.id, dueOn: "2026-03-13" });
    const overdue = await createResponseItem(t.db, { ownerId: owner.id, dueOn: "2026-02-01" });
    await createResponseItem(t.db, { ownerId: owner.id, dueOn: "2026-03-14" }); // 4 days out
    await createResponseItem(t.db, { ownerId: owner.id, dueOn: "2026-03-11", status: "done" });
    await createResponseItem(t.db, { ownerId: null, dueOn: "2026-03-11" });
    await createResponseItem(t.db, { ownerId: muted.id, dueOn: "2026-03-11" });

    expect(await notifyDueItems(now)).toBe(2);
    expect(await notifyDueItems(now)).toBe(0);
    const rows = await t.db.select().from(schema.notifications).where(eq(schema.notifications.kind, "due_soon"));
    expect(rows.map((r) => [r.userId, r.entityId, r.eventKey, r.actorId]).sort()).toEqual(
      [
        [owner.id, soon.id, `due:${soon.id}:2026-03-13`, null],
        [owner.id, overdue.id, `due:${overdue.id}:2026-02-01`, null],
      ].sort(),
    );

    // A new due date is a new event.
    await t.db.update(schema.responseItems).set({ dueOn: "2026-03-12" }).where(eq(schema.responseItems.id, soon.id));
    expect(await notifyDueItems(now)).toBe(1);
  });
});
