import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { connectPostgres, type DatabaseHandle } from "@/db/client";
import * as schema from "@/db/schema";
import type { LiveEvent } from "@/lib/live/events";
import { listenLive } from "@/lib/live/listen";
import { publish } from "@/lib/live/publish";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { addProgressUpdate } from "@/lib/response-items/add-progress-update";
import { createBrief, createPolicy, createResponseItem, createUser } from "../factories";
import { databaseUrl } from "../support/postgres";
import { form, resetRequest, signInAs } from "./auth-mocks";
import { driver, withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const { addCommentAction } = await import("@/app/actions/comments");
const { GET } = await import("@/app/api/live/route");

const t = withFreshDatabase();
beforeEach(() => resetRequest());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects what `handle` hears; `waitFor` resolves when an event matching `match` arrived. */
async function listener(handle: DatabaseHandle) {
  const heard: LiveEvent[] = [];
  const waiters: { match: (e: LiveEvent) => boolean; resolve: () => void }[] = [];
  const stop = await listenLive(handle, (event) => {
    heard.push(event);
    for (const w of waiters.filter((w) => w.match(event))) w.resolve();
  });
  const waitFor = (match: (e: LiveEvent) => boolean, ms = 2_000) =>
    heard.some(match)
      ? Promise.resolve()
      : Promise.race([
          new Promise<void>((resolve) => waiters.push({ match, resolve })),
          sleep(ms).then(() => {
            throw new Error(`no matching event within ${ms} ms; heard ${JSON.stringify(heard)}`);
          }),
        ]);
  return { heard, waitFor, stop };
}

/** A second connection to the same database: another app process, as far as Postgres can tell. */
function secondHandle(): DatabaseHandle {
  if (driver === "pglite") return t.handle; // one PGlite instance is one process
  const handle = t.handle;
  if (handle.driver !== "postgres") throw new Error("unexpected driver");
  return connectPostgres(databaseUrl(process.env.DATABASE_URL!, String(handle.sql.options.database)), { max: 2 });
}

describe(`LISTEN/NOTIFY on ${driver}`, () => {
  it("delivers a published event to another connection on commit, and never for a rolled-back write", async () => {
    const other = secondHandle();
    const { heard, waitFor, stop } = await listener(other);
    try {
      await t.db.transaction(async (tx) => {
        await publish(tx, { entityType: "policy", entityId: "p-1", kind: "comment" });
        await sleep(150);
        expect(heard).toEqual([]); // not before commit
      });
      await waitFor((e) => e.entityId === "p-1");
      expect(heard).toEqual([{ entityType: "policy", entityId: "p-1", kind: "comment" }]);

      await t.db
        .transaction(async (tx) => {
          await publish(tx, { entityType: "policy", entityId: "p-rolled-back", kind: "comment" });
          throw new Error("roll back");
        })
        .catch(() => {});
      await publish(t.db, { entityType: "policy", entityId: "p-2", kind: "comment" });
      await waitFor((e) => e.entityId === "p-2");
      expect(heard.map((e) => e.entityId)).toEqual(["p-1", "p-2"]);
    } finally {
      await stop();
      if (other !== t.handle) await other.close();
    }
  });

  it("a comment announces its thread and the mentioned user's notifications", async () => {
    const other = secondHandle();
    const { waitFor, stop } = await listener(other);
    try {
      const [author, mentioned] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "viewer" })];
      const policy = await createPolicy(t.db);
      signInAs(author);
      const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: mentioned.id, label: "x" } }] }] });
      expect(await addCommentAction(form({ targetType: "policy", targetId: policy.id, body }))).toMatchObject({ ok: true });
      await waitFor((e) => e.entityType === "policy" && e.entityId === policy.id && e.kind === "comment");
      await waitFor((e) => e.entityType === "user" && e.entityId === mentioned.id && e.kind === "notifications");
    } finally {
      await stop();
      if (other !== t.handle) await other.close();
    }
  });
});

describe("GET /api/live", () => {
  const open = () => GET(new Request("http://localhost/api/live", { signal: AbortSignal.timeout(5_000) }));

  it("refuses anonymous visitors and deactivated members with 401", async () => {
    expect((await open()).status).toBe(401);
    const user = await createUser(t.db, { role: "editor" });
    await t.db.update(schema.users).set({ deactivatedAt: new Date() }).where(eq(schema.users.id, user.id));
    signInAs(user);
    expect((await open()).status).toBe(401);
  });

  it("streams changes as Server-Sent Events with ids, and only the user's own notification events", async () => {
    const [viewer, someoneElse] = [await createUser(t.db, { role: "viewer" }), await createUser(t.db, { role: "viewer" })];
    signInAs(viewer);
    const response = await open();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    await publish(t.db, { entityType: "user", entityId: someoneElse.id, kind: "notifications" });
    await publish(t.db, { entityType: "response_item", entityId: "item-1", kind: "status" });
    await publish(t.db, { entityType: "user", entityId: viewer.id, kind: "notifications" });
    let text = "";
    const decoder = new TextDecoder();
    while (!text.includes(viewer.id)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    expect(text).toMatch(/id: [\w]+-\d+\nevent: change\ndata: {"entityType":"response_item","entityId":"item-1","kind":"status"}/);
    expect(text).toContain(`"entityId":"${viewer.id}"`);
    expect(text).not.toContain(someoneElse.id);
  });

  it("every write publishes where it records its activity; a private note is heard by its author alone", async () => {
    const [author, other] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor" })];
    const { revision } = await createBrief(t.db, { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "중국의 AI 전략 中国人工智能战略" }] }] });
    const note = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    const reading = async (user: typeof author) => {
      signInAs(user);
      const reader = (await open()).body!.getReader();
      let text = "";
      const decoder = new TextDecoder();
      return {
        async until(needle: string) {
          while (!text.includes(needle)) {
            const { value, done } = await reader.read();
            if (done) break;
            text += decoder.decode(value);
          }
          await reader.cancel();
          return text;
        },
      };
    };
    const [otherStream, authorStream] = [await reading(other), await reading(author)];

    const item = await createResponseItem(t.db);
    await addProgressUpdate({ actor: author, input: { id: item.id, version: item.version, status: "blocked", body: "막힘", acknowledgeImpactIds: [] } });
    const quote = revision.plainText.slice(0, 5);
    const input = { revisionId: revision.id, start: 0, end: quote.length, quote, body: note("메모") };
    const hidden = await createAnnotation({ actor: author, input: { ...input, isPrivate: true } });
    const shared = await createAnnotation({ actor: author, input: { ...input, isPrivate: false } });

    const seenByOther = await otherStream.until(shared.annotationId);
    expect(seenByOther).toContain(`"entityType":"response_item","entityId":"${item.id}"`);
    expect(seenByOther).toContain(`"entityId":"${shared.annotationId}","kind":"annotation.created"`);
    expect(seenByOther).not.toContain(hidden.annotationId);
    const seenByAuthor = await authorStream.until(shared.annotationId);
    expect(seenByAuthor).toContain(`"entityId":"${hidden.annotationId}","kind":"annotation.created"`);
  });

  it("replays missed events after Last-Event-ID, or asks for a refresh when the id is unknown", async () => {
    const viewer = await createUser(t.db, { role: "viewer" });
    signInAs(viewer);
    const { liveHub } = await import("@/lib/live/hub");
    const hub = liveHub();
    await hub.start();
    const seen: string[] = [];
    const unsubscribe = hub.subscribe((e) => seen.push(e.id));
    await publish(t.db, { entityType: "policy", entityId: "a", kind: "x" });
    await publish(t.db, { entityType: "policy", entityId: "b", kind: "x" });
    for (let i = 0; i < 40 && seen.length < 2; i++) await sleep(50);
    unsubscribe();
    expect(hub.since(seen[0])?.map((e) => e.entityId)).toEqual(["b"]);
    expect(hub.since("elsewhere-3")).toBeNull();

    const readUntil = async (lastEventId: string, marker: string) => {
      const response = await GET(new Request("http://localhost/api/live", { headers: { "last-event-id": lastEventId }, signal: AbortSignal.timeout(5_000) }));
      const reader = response.body!.getReader();
      let text = "";
      while (!text.includes(marker)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      await reader.cancel();
      return text;
    };
    const replayed = await readUntil(seen[0], '"entityId":"b"');
    expect(replayed).toContain(`id: ${seen[1]}\n`);
    expect(replayed).not.toContain('"entityId":"a"');
    expect(await readUntil("elsewhere-3", "event: refresh")).toContain("event: refresh\ndata: {}");
  });
});
