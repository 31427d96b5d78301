import { and, count, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Executor } from "@/db/client";
import * as schema from "@/db/schema";
import { createFramework, createImpactRow, createPolicy, createResponseItem, createUser, tagItem, tagPolicy, type UserFixture } from "../factories";
import { form, resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const items = await import("@/app/(workspace)/response-items/actions");
const impactActions = await import("@/app/actions/impacts");
const { proposeImpacts, impactsForItem } = await import("@/lib/impacts/queries");
const { listResponseItems } = await import("@/lib/response-items/queries");

const t = withFreshDatabase();
beforeEach(() => resetRequest());

/** Everything an item action could write. */
async function snapshot(db: Executor) {
  const n = async (table: Parameters<Executor["select"]>[0] extends never ? never : typeof schema.activity | typeof schema.responseItems | typeof schema.progressUpdates | typeof schema.impacts | typeof schema.notifications | typeof schema.responseItemFrameworkNodes) =>
    (await db.select({ n: count() }).from(table))[0].n;
  const rows = await db
    .select({ id: schema.responseItems.id, version: schema.responseItems.version, status: schema.responseItems.status, ownerId: schema.responseItems.ownerId, archivedAt: schema.responseItems.archivedAt })
    .from(schema.responseItems)
    .orderBy(schema.responseItems.id);
  const impactRows = await db.select().from(schema.impacts).orderBy(schema.impacts.id);
  return {
    activity: await n(schema.activity),
    items: rows,
    updates: await n(schema.progressUpdates),
    impacts: impactRows,
    notifications: await n(schema.notifications),
    nodes: await n(schema.responseItemFrameworkNodes),
  };
}

const itemRow = async (id: string) => (await t.db.select().from(schema.responseItems).where(eq(schema.responseItems.id, id)))[0];

type Fixture = { admin: UserFixture; editor: UserFixture; item: schema.ResponseItem; policy: schema.Policy; impactId: string };
async function fixture(): Promise<Fixture> {
  const admin = await createUser(t.db, { role: "admin" });
  const editor = await createUser(t.db, { role: "editor" });
  const item = await createResponseItem(t.db, { ownerId: editor.id });
  const policy = await createPolicy(t.db);
  const other = await createPolicy(t.db);
  const impact = await createImpactRow(t.db, { policyId: other.id, responseItemId: item.id, createdById: admin.id });
  return { admin, editor, item, policy, impactId: impact.id };
}

const guarded: { name: string; input: (f: Fixture) => FormData; call: (input: FormData) => Promise<{ ok: boolean }> }[] = [
  { name: "createResponseItemAction", input: () => form({ title: "새 과제", priority: "high", dueOn: "" }), call: items.createResponseItemAction },
  {
    name: "updateResponseItemAction",
    input: (f) => form({ id: f.item.id, version: f.item.version, title: "바뀐 제목", priority: "low", dueOn: "2030-01-01" }),
    call: items.updateResponseItemAction,
  },
  { name: "assignOwnerAction", input: (f) => form({ id: f.item.id, version: f.item.version, ownerId: f.admin.id }), call: items.assignOwnerAction },
  { name: "addProgressUpdateAction", input: (f) => form({ id: f.item.id, version: f.item.version, status: "in_progress", body: "진행 중" }), call: items.addProgressUpdateAction },
  { name: "archiveResponseItemAction", input: (f) => form({ id: f.item.id, version: f.item.version }), call: items.archiveResponseItemAction },
  { name: "unarchiveResponseItemAction", input: (f) => form({ id: f.item.id, version: f.item.version }), call: items.unarchiveResponseItemAction },
  { name: "createImpactAction", input: (f) => form({ policyId: f.policy.id, responseItemId: f.item.id, note: "영향" }), call: impactActions.createImpactAction },
  { name: "removeImpactAction", input: (f) => form({ impactId: f.impactId }), call: impactActions.removeImpactAction },
];

describe.each(guarded)("$name", ({ name, input, call }) => {
  it("refuses anonymous visitors with 401 and writes nothing", async () => {
    const f = await fixture();
    const before = await snapshot(t.db);
    expect(await call(input(f))).toMatchObject({ ok: false, status: 401, code: "unauthenticated" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a viewer's forged request with 403 and writes nothing", async () => {
    const f = await fixture();
    if (name === "unarchiveResponseItemAction") await t.db.update(schema.responseItems).set({ archivedAt: new Date() }).where(eq(schema.responseItems.id, f.item.id));
    signInAs(await createUser(t.db, { role: "viewer" }));
    const before = await snapshot(t.db);
    expect(await call(input(f))).toMatchObject({ ok: false, status: 403, code: "forbidden", formError: "이 작업을 할 권한이 없습니다." });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("lets an editor do it, with one activity entry", async () => {
    const f = await fixture();
    if (name === "unarchiveResponseItemAction") await t.db.update(schema.responseItems).set({ archivedAt: new Date() }).where(eq(schema.responseItems.id, f.item.id));
    signInAs(f.editor);
    const before = await snapshot(t.db);
    expect(await call(input(f))).toMatchObject({ ok: true });
    expect((await snapshot(t.db)).activity).toBe(before.activity + 1);
  });
});

describe("bad input", () => {
  it.each([
    ["createResponseItemAction", () => items.createResponseItemAction(form({ title: " ", priority: "urgent", dueOn: "2030-13-45" })), ["title", "priority", "dueOn"]],
    ["updateResponseItemAction", () => items.updateResponseItemAction(form({ id: "x", version: 0, title: "t", priority: "low" })), ["id", "version"]],
    ["assignOwnerAction", () => items.assignOwnerAction(form({ id: "x", version: 0, ownerId: "nobody" })), ["id", "version", "ownerId"]],
    ["addProgressUpdateAction", () => items.addProgressUpdateAction(form({ id: "00000000-0000-4000-8000-000000000000", version: 1, status: "blocked", body: "  " })), ["body"]],
    ["createImpactAction", () => impactActions.createImpactAction(form({ policyId: "p", responseItemId: "r" })), ["policyId", "responseItemId"]],
    ["removeImpactAction", () => impactActions.removeImpactAction(form({})), ["impactId"]],
  ])("%s returns field errors and writes nothing", async (_name, call, fields) => {
    signInAs(await createUser(t.db, { role: "admin" }));
    const before = await snapshot(t.db);
    const result = (await (call as () => Promise<{ ok: boolean; fieldErrors?: Record<string, string[]> }>)()) as {
      ok: boolean;
      status: number;
      fieldErrors: Record<string, string[]>;
    };
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(Object.keys(result.fieldErrors).sort()).toEqual([...fields].sort());
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("blocked without a reason says so", async () => {
    const f = await fixture();
    signInAs(f.editor);
    const result = await items.addProgressUpdateAction(form({ id: f.item.id, version: f.item.version, status: "blocked", body: "" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { body: ["‘막힘’으로 바꾸려면 이유를 적어 주세요."] } });
  });

  it("refuses an owner who is not an active editor or admin", async () => {
    const f = await fixture();
    signInAs(f.admin);
    for (const candidate of [await createUser(t.db, { role: "viewer" }), await createUser(t.db, { role: "editor", deactivated: true })]) {
      const result = await items.assignOwnerAction(form({ id: f.item.id, version: f.item.version, ownerId: candidate.id }));
      expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { ownerId: ["담당자는 활성 상태의 편집자나 관리자여야 합니다."] } });
    }
  });
});

describe("progress and review", () => {
  it("lets the owner post an update even as a viewer, but not another viewer", async () => {
    const owner = await createUser(t.db, { role: "viewer" });
    const item = await createResponseItem(t.db, { ownerId: owner.id });
    signInAs(await createUser(t.db, { role: "viewer" }));
    expect(await items.addProgressUpdateAction(form({ id: item.id, version: item.version, status: "in_progress", body: "x" }))).toMatchObject({ status: 403 });
    signInAs(owner);
    expect(await items.addProgressUpdateAction(form({ id: item.id, version: item.version, status: "in_progress", body: "x" }))).toMatchObject({ ok: true });
    expect((await itemRow(item.id)).status).toBe("in_progress");
  });

  it("done or dropped without an update keeps needs review; with an update that acknowledges, clears it", async () => {
    const f = await fixture();
    signInAs(f.editor);
    const needsReview = async () => (await listResponseItems({ needsReview: true })).some((r) => r.id === f.item.id);
    expect(await needsReview()).toBe(true);
    // A bare status change (the board) acknowledges nothing, even when it names the impact.
    expect(await items.addProgressUpdateAction(form({ id: f.item.id, version: f.item.version, status: "done", body: "", acknowledgeImpactIds: f.impactId }))).toMatchObject({ ok: true });
    expect(await needsReview()).toBe(true);
    expect(await items.addProgressUpdateAction(form({ id: f.item.id, version: (await itemRow(f.item.id)).version, status: "dropped", body: "정책 검토 결과 중단" }))).toMatchObject({ ok: true });
    expect(await needsReview()).toBe(true);
    const result = await items.addProgressUpdateAction(form({ id: f.item.id, version: (await itemRow(f.item.id)).version, status: "dropped", body: "검토함", acknowledgeImpactIds: f.impactId }));
    expect(result).toMatchObject({ ok: true, acknowledged: 1 });
    expect(await needsReview()).toBe(false);
    const [impact] = await t.db.select().from(schema.impacts).where(eq(schema.impacts.id, f.impactId));
    expect(impact).toMatchObject({ acknowledgedById: f.editor.id, acknowledgedByUpdateId: (result as { updateId: string }).updateId });
    const updates = await t.db.select().from(schema.progressUpdates).where(eq(schema.progressUpdates.responseItemId, f.item.id));
    expect(updates.map((u) => `${u.statusBefore}>${u.statusAfter}`).sort()).toEqual(["done>dropped", "dropped>dropped", "not_started>done"]);
  });

  it("an empty update that changes nothing is refused", async () => {
    const f = await fixture();
    signInAs(f.editor);
    expect(await items.addProgressUpdateAction(form({ id: f.item.id, version: f.item.version, status: "not_started", body: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { body: ["내용을 쓰거나 상태를 바꿔 주세요."] },
    });
  });
});

describe("owners", () => {
  it("reassigning notifies the new owner", async () => {
    const f = await fixture();
    const next = await createUser(t.db, { role: "editor" });
    signInAs(f.admin);
    expect(await items.assignOwnerAction(form({ id: f.item.id, version: f.item.version, ownerId: next.id }))).toMatchObject({ ok: true });
    const rows = await t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, next.id));
    expect(rows).toEqual([expect.objectContaining({ kind: "assignment", entityType: "response_item", entityId: f.item.id, actorId: f.admin.id })]);
    expect((await itemRow(f.item.id)).ownerId).toBe(next.id);
  });

  it("an item whose owner is deactivated reads as unowned", async () => {
    const gone = await createUser(t.db, { role: "editor", deactivated: true });
    const item = await createResponseItem(t.db, { ownerId: gone.id });
    const [row] = (await listResponseItems()).filter((r) => r.id === item.id);
    expect(row).toMatchObject({ ownerId: null, ownerName: null });
    expect((await listResponseItems({ owner: "none" })).map((r) => r.id)).toContain(item.id);
  });
});

describe("concurrent edits", () => {
  it("refuses the second save of the same version with a clear conflict", async () => {
    const f = await fixture();
    signInAs(f.editor);
    const save = (title: string) => items.updateResponseItemAction(form({ id: f.item.id, version: f.item.version, title, priority: "medium", dueOn: "" }));
    const [a, b] = await Promise.all([save("첫 번째"), save("두 번째")]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, code: "conflict", formError: expect.stringContaining("먼저 바꿨") });
    expect((await itemRow(f.item.id)).version).toBe(f.item.version + 1);
  });
});

describe("numbering", () => {
  it("archiving keeps numbers; a new item never reuses one", async () => {
    const editor = await createUser(t.db, { role: "editor" });
    signInAs(editor);
    const first = await items.createResponseItemAction(form({ title: "하나", priority: "medium" }));
    if (!first.ok) throw new Error(first.formError);
    const row = await itemRow(first.id);
    expect(await items.archiveResponseItemAction(form({ id: first.id, version: row.version }))).toMatchObject({ ok: true });
    const second = await items.createResponseItemAction(form({ title: "둘", priority: "medium" }));
    if (!second.ok) throw new Error(second.formError);
    expect(second.number).toBeGreaterThan(first.number);
    expect((await itemRow(first.id)).number).toBe(first.number);
  });
});

describe("impacts", () => {
  it("proposals rank items by shared nodes and leave out linked and archived ones", async () => {
    const { nodes } = await createFramework(t.db, 3);
    const admin = await createUser(t.db, { role: "admin" });
    const policy = await createPolicy(t.db);
    await tagPolicy(t.db, policy.id, nodes.map((n) => n.id));
    const one = await createResponseItem(t.db);
    const three = await createResponseItem(t.db);
    const two = await createResponseItem(t.db);
    const linked = await createResponseItem(t.db);
    const archived = await createResponseItem(t.db, { archivedAt: new Date() });
    const none = await createResponseItem(t.db);
    await tagItem(t.db, one.id, [nodes[0].id]);
    await tagItem(t.db, two.id, [nodes[0].id, nodes[2].id]);
    await tagItem(t.db, three.id, nodes.map((n) => n.id));
    await tagItem(t.db, linked.id, nodes.map((n) => n.id));
    await tagItem(t.db, archived.id, nodes.map((n) => n.id));
    void none;
    await createImpactRow(t.db, { policyId: policy.id, responseItemId: linked.id, createdById: admin.id });
    const proposals = await proposeImpacts(policy.id);
    expect(proposals.map((p) => [p.itemId, p.sharedNodes])).toEqual([
      [three.id, 3],
      [two.id, 2],
      [one.id, 1],
    ]);
  });

  it("a new impact notifies the owner and puts the item in needs review; removing it keeps its history", async () => {
    const f = await fixture();
    signInAs(f.admin);
    const created = await impactActions.createImpactAction(form({ policyId: f.policy.id, responseItemId: f.item.id, note: "표준 영향" }));
    if (!created.ok) throw new Error(created.formError);
    const notes = await t.db.select().from(schema.notifications).where(and(eq(schema.notifications.userId, f.editor.id), eq(schema.notifications.kind, "impact")));
    expect(notes).toHaveLength(1);
    expect(await impactActions.createImpactAction(form({ policyId: f.policy.id, responseItemId: f.item.id }))).toMatchObject({ ok: false, status: 409 });

    expect(await impactActions.removeImpactAction(form({ impactId: created.impactId }))).toMatchObject({ ok: true });
    const history = await impactsForItem(f.item.id);
    expect(history.find((i) => i.id === created.impactId)).toMatchObject({ note: "표준 영향", removedAt: expect.any(Date) });
    const log = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, f.item.id));
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(["impact.created", "impact.removed"]));
    // Removed: no longer proposed-away, and linkable again.
    expect(await impactActions.createImpactAction(form({ policyId: f.policy.id, responseItemId: f.item.id }))).toMatchObject({ ok: true });
  });
});

describe("stale writes", () => {
  it("an edit on an old version is refused with the item as it is now, and who changed it", async () => {
    const f = await fixture();
    signInAs(f.editor);
    expect(await items.updateResponseItemAction(form({ id: f.item.id, version: f.item.version, title: "먼저 고침", priority: "low", dueOn: "" }))).toMatchObject({ ok: true });
    signInAs(f.admin);
    const stale = await items.updateResponseItemAction(form({ id: f.item.id, version: f.item.version, title: "늦게 고침", priority: "high", dueOn: "" }));
    expect(stale).toMatchObject({
      ok: false,
      status: 409,
      details: { current: { id: f.item.id, version: f.item.version + 1, title: "먼저 고침", priority: "low" }, changedBy: f.editor.displayName },
    });
    expect((await itemRow(f.item.id)).title).toBe("먼저 고침");
  });

  it("an owner change or a status move on an old version is refused, not last-write-wins", async () => {
    const f = await fixture();
    const [a, b] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor" })];
    signInAs(f.admin);
    expect(await items.assignOwnerAction(form({ id: f.item.id, version: f.item.version, ownerId: a.id }))).toMatchObject({ ok: true, version: f.item.version + 1 });
    const staleOwner = await items.assignOwnerAction(form({ id: f.item.id, version: f.item.version, ownerId: b.id }));
    expect(staleOwner).toMatchObject({ ok: false, status: 409, details: { current: { ownerId: a.id, version: f.item.version + 1 } } });
    expect((await itemRow(f.item.id)).ownerId).toBe(a.id);
    // Choosing what the item already is, on any version, is no conflict.
    expect(await items.assignOwnerAction(form({ id: f.item.id, version: f.item.version, ownerId: a.id }))).toMatchObject({ ok: true });

    const now = (await itemRow(f.item.id)).version;
    expect(await items.addProgressUpdateAction(form({ id: f.item.id, version: now, status: "blocked", body: "예산 대기" }))).toMatchObject({ ok: true });
    const staleMove = await items.addProgressUpdateAction(form({ id: f.item.id, version: now, status: "done", body: "" }));
    expect(staleMove).toMatchObject({ ok: false, status: 409, details: { current: { status: "blocked" } } });
    expect((await itemRow(f.item.id)).status).toBe("blocked");
    // Text alone on an old version is added to the item as it is now, its status untouched.
    expect(await items.addProgressUpdateAction(form({ id: f.item.id, version: now, status: "blocked", body: "여전히 대기" }))).toMatchObject({ ok: true });
    expect((await itemRow(f.item.id)).status).toBe("blocked");
  });
});

describe("archived framework nodes on items", () => {
  it("an edit keeps the item's archived node; a newly picked archived node is refused", async () => {
    const f = await fixture();
    const { nodes } = await createFramework(t.db, 2);
    await tagItem(t.db, f.item.id, [nodes[0].id]);
    await t.db.update(schema.frameworkNodes).set({ archivedAt: new Date() }).where(inArray(schema.frameworkNodes.id, [nodes[0].id, nodes[1].id]));
    signInAs(f.editor);
    const kept = await items.updateResponseItemAction(form({ id: f.item.id, version: f.item.version, title: "보관 노드 유지", nodeIds: nodes[0].id, priority: "low", dueOn: "" }));
    expect(kept).toMatchObject({ ok: true });
    const links = await t.db.select().from(schema.responseItemFrameworkNodes).where(eq(schema.responseItemFrameworkNodes.responseItemId, f.item.id));
    expect(links.map((l) => l.nodeId)).toEqual([nodes[0].id]);
    const both = form({ id: f.item.id, version: (await itemRow(f.item.id)).version, title: "x", nodeIds: nodes[0].id, priority: "low", dueOn: "" });
    both.append("nodeIds", nodes[1].id);
    const refused = await items.updateResponseItemAction(both);
    expect(refused).toMatchObject({ ok: false, status: 400, fieldErrors: { nodeIds: expect.any(Array) } });
  });
});
