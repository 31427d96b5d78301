import { describe, expect, it } from "vitest";
import { MATRIX_PAGE_SIZE, cellKey, cellPolicies, daysBefore, getFrameworkMatrix } from "@/lib/response-items/matrix";
import { createFramework, createImpactRow, createPolicy, createResponseItem, createUser, tagItem, tagPolicy } from "../factories";
import { withFreshDatabase } from "./harness";

const t = withFreshDatabase();

describe("framework matrix", () => {
  it("counts policies per cell through live impacts, colours needs review, and finds blind spots", async () => {
    const { nodes } = await createFramework(t.db, 3);
    const [a, b, c] = nodes;
    const admin = await createUser(t.db, { role: "admin" });
    const item = await createResponseItem(t.db, { status: "in_progress" });
    const other = await createResponseItem(t.db);
    await tagItem(t.db, item.id, [a.id]);
    await tagItem(t.db, other.id, [b.id]);
    const p1 = await createPolicy(t.db);
    const p2 = await createPolicy(t.db);
    const removed = await createPolicy(t.db);
    const old = await createPolicy(t.db, { announcedOn: "2017-12-01", createdAt: new Date("2018-01-01") });
    await tagPolicy(t.db, p1.id, [a.id, b.id]);
    await tagPolicy(t.db, p2.id, [a.id]);
    await tagPolicy(t.db, removed.id, [a.id]);
    await tagPolicy(t.db, old.id, [c.id]);
    await createImpactRow(t.db, { policyId: p1.id, responseItemId: item.id, createdById: admin.id });
    await createImpactRow(t.db, { policyId: p2.id, responseItemId: item.id, createdById: admin.id });
    const gone = await createImpactRow(t.db, { policyId: removed.id, responseItemId: item.id, createdById: admin.id });
    const { impacts } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    await t.db.update(impacts).set({ removedAt: new Date() }).where(eq(impacts.id, gone.id));

    const matrix = await getFrameworkMatrix();
    expect(matrix.covers.has(cellKey(item.id, a.id))).toBe(true);
    expect(matrix.policyCounts.get(cellKey(item.id, a.id))).toBe(2);
    // p1 also carries b: counted in the (item, b) cell though the item does not cover b.
    expect(matrix.policyCounts.get(cellKey(item.id, b.id))).toBe(1);
    expect(matrix.items.find((i) => i.id === item.id)).toMatchObject({ needsReview: true, status: "in_progress" });
    expect(matrix.items.find((i) => i.id === other.id)).toMatchObject({ needsReview: false });
    // c has only a policy from 2017 (not recent): no blind spot; a and b are covered.
    expect(matrix.blindSpots).toEqual([]);
    const fresh = await createPolicy(t.db);
    await tagPolicy(t.db, fresh.id, [c.id]);
    expect((await getFrameworkMatrix()).blindSpots).toEqual([{ nodeId: c.id, recentPolicies: 1 }]);

    expect((await cellPolicies(item.id, a.id)).map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort());
  });

  it("shows the items a page at a time, with coverage and counts for that page's items only", async () => {
    const { nodes } = await createFramework(t.db, 1);
    const admin = await createUser(t.db, { role: "admin" });
    const before = (await getFrameworkMatrix()).totalItems;
    const created = [];
    for (let i = 0; i < MATRIX_PAGE_SIZE + 3; i++) created.push(await createResponseItem(t.db));
    const last = created.at(-1)!;
    await tagItem(t.db, last.id, [nodes[0].id]);
    const policy = await createPolicy(t.db);
    await tagPolicy(t.db, policy.id, [nodes[0].id]);
    await createImpactRow(t.db, { policyId: policy.id, responseItemId: last.id, createdById: admin.id });

    const total = before + created.length;
    const pages = Math.ceil(total / MATRIX_PAGE_SIZE);
    const first = await getFrameworkMatrix();
    expect(first).toMatchObject({ page: 1, pages, totalItems: total });
    expect(first.items).toHaveLength(MATRIX_PAGE_SIZE);
    expect(first.covers.has(cellKey(last.id, nodes[0].id))).toBe(false);

    // The newest item (highest number) is on the last page, with its cell; past the end clamps.
    const end = await getFrameworkMatrix({ page: pages + 5 });
    expect(end.page).toBe(pages);
    expect(end.items.at(-1)?.id).toBe(last.id);
    expect(end.items.map((i) => i.number)).toEqual([...end.items.map((i) => i.number)].sort((a, b) => a - b));
    expect(end.covers.has(cellKey(last.id, nodes[0].id))).toBe(true);
    expect(end.policyCounts.get(cellKey(last.id, nodes[0].id))).toBe(1);
    expect(end.items.find((i) => i.id === last.id)?.needsReview).toBe(true);
    expect((await getFrameworkMatrix({ page: 0 })).page).toBe(1);
  });

  it("daysBefore gives a calendar date", () => {
    expect(daysBefore(new Date("2026-06-30T12:00:00Z"), 180)).toBe("2026-01-01");
  });
});
