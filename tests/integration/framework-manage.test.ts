import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { createFramework, createPolicy, createResponseItem, createUser } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const actions = await import("@/app/(workspace)/framework/actions");
const t = withFreshDatabase();
beforeEach(() => resetRequest());

const node = async (id: string) => (await t.db.select().from(schema.frameworkNodes).where(eq(schema.frameworkNodes.id, id)))[0];
const activityCount = async () => (await t.db.select({ n: count() }).from(schema.activity))[0].n;

describe("framework management", () => {
  it("refuses anonymous (401) and viewers (403), writing nothing", async () => {
    const { dimension, nodes } = await createFramework(t.db, 2);
    const before = await activityCount();
    const calls = [
      () => actions.addNodeAction({ dimensionId: dimension.id, labelKo: "새", labelEn: "New" }),
      () => actions.updateNodeAction({ id: nodes[0].id, version: 1, labelKo: "바꿈", labelEn: "Changed" }),
      () => actions.moveNodeAction({ id: nodes[1].id, direction: "up" }),
      () => actions.mergeNodeAction({ id: nodes[0].id, intoId: nodes[1].id }),
      () => actions.archiveNodeAction({ id: nodes[0].id }),
      () => actions.deleteNodeAction({ id: nodes[0].id }),
    ];
    for (const call of calls) expect(await call()).toMatchObject({ ok: false, status: 401 });
    signInAs(await createUser(t.db, { role: "viewer" }));
    for (const call of calls) expect(await call()).toMatchObject({ ok: false, status: 403 });
    expect(await activityCount()).toBe(before);
    expect(await node(nodes[0].id)).toMatchObject({ labelKo: nodes[0].labelKo, archivedAt: null, position: 0 });
  });

  it("adds, renames with version check, reorders", async () => {
    const { dimension, nodes } = await createFramework(t.db, 2);
    signInAs(await createUser(t.db, { role: "editor" }));
    expect(await actions.addNodeAction({ dimensionId: dimension.id, labelKo: "셋째", labelEn: "Third" })).toEqual({ ok: true });
    const [added] = await t.db.select().from(schema.frameworkNodes).where(eq(schema.frameworkNodes.labelKo, "셋째"));
    expect(added.position).toBe(2);
    expect(await actions.updateNodeAction({ id: nodes[0].id, version: 1, labelKo: "첫째", labelEn: "First", description: "설명" })).toEqual({ ok: true });
    expect(await actions.updateNodeAction({ id: nodes[0].id, version: 1, labelKo: "덮어쓰기", labelEn: "X" })).toMatchObject({ ok: false, status: 409 });
    expect(await node(nodes[0].id)).toMatchObject({ labelKo: "첫째", description: "설명", version: 2 });
    expect(await actions.moveNodeAction({ id: added.id, direction: "up" })).toEqual({ ok: true });
    expect((await node(added.id)).position).toBe(1);
    expect((await node(nodes[1].id)).position).toBe(2);
  });

  it("merges: every policy and response-item tag moves, duplicates collapse, activity recorded", async () => {
    const { nodes } = await createFramework(t.db, 2);
    const [a, b] = nodes;
    const p1 = await createPolicy(t.db);
    const p2 = await createPolicy(t.db);
    const item = await createResponseItem(t.db);
    await t.db.insert(schema.policyFrameworkNodes).values([{ policyId: p1.id, nodeId: a.id }, { policyId: p2.id, nodeId: a.id }, { policyId: p2.id, nodeId: b.id }]);
    await t.db.insert(schema.responseItemFrameworkNodes).values({ responseItemId: item.id, nodeId: a.id });
    const editor = await createUser(t.db, { role: "editor" });
    signInAs(editor);
    expect(await actions.mergeNodeAction({ id: a.id, intoId: a.id })).toMatchObject({ ok: false, status: 400 });
    expect(await actions.mergeNodeAction({ id: a.id, intoId: b.id })).toEqual({ ok: true });
    const tags = await t.db.select().from(schema.policyFrameworkNodes).where(eq(schema.policyFrameworkNodes.nodeId, b.id));
    expect(tags.map((r) => r.policyId).sort()).toEqual([p1.id, p2.id].sort());
    expect(await t.db.select().from(schema.policyFrameworkNodes).where(eq(schema.policyFrameworkNodes.nodeId, a.id))).toEqual([]);
    expect(await t.db.select().from(schema.responseItemFrameworkNodes).where(eq(schema.responseItemFrameworkNodes.nodeId, b.id))).toHaveLength(1);
    expect(await node(a.id)).toMatchObject({ mergedIntoId: b.id });
    const [entry] = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, a.id));
    expect(entry).toMatchObject({ action: "framework_node.merged", actorId: editor.id });
  });

  it("refuses deleting a node in use; deletes an unused one; archives", async () => {
    const { nodes } = await createFramework(t.db, 3);
    const policy = await createPolicy(t.db);
    await t.db.insert(schema.policyFrameworkNodes).values({ policyId: policy.id, nodeId: nodes[0].id });
    signInAs(await createUser(t.db, { role: "editor" }));
    expect(await actions.deleteNodeAction({ id: nodes[0].id })).toMatchObject({ ok: false, status: 409, formError: expect.stringContaining("병합") });
    expect(await node(nodes[0].id)).toBeDefined();
    expect(await actions.deleteNodeAction({ id: nodes[1].id })).toEqual({ ok: true });
    expect(await node(nodes[1].id)).toBeUndefined();
    expect(await actions.archiveNodeAction({ id: nodes[0].id })).toEqual({ ok: true });
    expect((await node(nodes[0].id)).archivedAt).not.toBeNull();
    // Its tag stays on the policy.
    expect(await t.db.select().from(schema.policyFrameworkNodes).where(eq(schema.policyFrameworkNodes.nodeId, nodes[0].id))).toHaveLength(1);
  });
});
