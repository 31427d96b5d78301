import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import type { LiveEvent } from "@/lib/live/events";
import { listenLive } from "@/lib/live/listen";
import { viewersOf } from "@/lib/presence/queries";
import { createResponseItem, createUser } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { driver, withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const { presenceHeartbeatAction } = await import("@/app/actions/presence");

const t = withFreshDatabase();
beforeEach(() => resetRequest());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rows = () => t.db.select().from(schema.presence);

describe(`presence on ${driver}`, () => {
  it("refuses anonymous visitors and writes nothing", async () => {
    const item = await createResponseItem(t.db);
    const result = await presenceHeartbeatAction({ topic: `response_item:${item.id}` });
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await rows()).toEqual([]);
  });

  it("refuses a topic that is not a presence page", async () => {
    const viewer = await createUser(t.db, { role: "viewer" });
    signInAs(viewer);
    for (const topic of ["policy:00000000-0000-4000-8000-000000000000", "brief:nope", "*"]) {
      expect(await presenceHeartbeatAction({ topic })).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await rows()).toEqual([]);
  });

  it("lets a viewer say they are here, shows the others, and announces arrivals and departures only", async () => {
    const item = await createResponseItem(t.db);
    const topic = `response_item:${item.id}`;
    const [viewer, editor] = [await createUser(t.db, { role: "viewer", displayName: "보는 사람" }), await createUser(t.db, { role: "editor", displayName: "편집자" })];
    const heard: LiveEvent[] = [];
    const stop = await listenLive(t.handle, (event) => heard.push(event));
    try {
      signInAs(viewer);
      expect(await presenceHeartbeatAction({ topic })).toEqual({ ok: true, viewers: [] });
      signInAs(editor);
      expect(await presenceHeartbeatAction({ topic })).toEqual({ ok: true, viewers: [{ id: viewer.id, name: "보는 사람" }] });
      signInAs(viewer);
      expect(await presenceHeartbeatAction({ topic })).toEqual({ ok: true, viewers: [{ id: editor.id, name: "편집자" }] });
      await sleep(200);
      // two arrivals, the repeated heartbeat is silent
      expect(heard.filter((e) => e.entityType === "presence")).toEqual([
        { entityType: "presence", entityId: topic, kind: "presence" },
        { entityType: "presence", entityId: topic, kind: "presence" },
      ]);

      signInAs(editor);
      expect(await presenceHeartbeatAction({ topic, leaving: true })).toMatchObject({ ok: true });
      await sleep(200);
      expect(heard.filter((e) => e.entityType === "presence")).toHaveLength(3);
      expect(await viewersOf(topic, viewer.id)).toEqual([]);
      expect((await rows()).map((r) => r.userId)).toEqual([viewer.id]);
    } finally {
      await stop();
    }
  });

  it("counts only viewers seen within the last 45 s, never oneself nor deactivated users", async () => {
    const item = await createResponseItem(t.db);
    const topic = `response_item:${item.id}`;
    const now = new Date("2026-11-26T08:00:00Z");
    const [me, recent, stale, gone] = await Promise.all(["나", "최근", "오래됨", "비활성"].map((displayName) => createUser(t.db, { displayName })));
    await t.db.update(schema.users).set({ deactivatedAt: now }).where(eq(schema.users.id, gone.id));
    await t.db.insert(schema.presence).values([
      { userId: me.id, topic, lastSeenAt: now },
      { userId: recent.id, topic, lastSeenAt: new Date(now.getTime() - 44_000) },
      { userId: stale.id, topic, lastSeenAt: new Date(now.getTime() - 46_000) },
      { userId: gone.id, topic, lastSeenAt: now },
      { userId: stale.id, topic: "brief:00000000-0000-4000-8000-000000000000", lastSeenAt: now },
    ]);
    expect(await viewersOf(topic, me.id, now)).toEqual([{ id: recent.id, name: "최근" }]);
  });
});
