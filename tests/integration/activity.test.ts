import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { activityFiltersSchema } from "@/lib/activity/filters";
import { listActivity, listEntityHistory, listRecentActivity } from "@/lib/activity/queries";
import { createUser } from "../factories";
import { withFreshDatabase } from "./harness";

const t = withFreshDatabase();

describe("activity screen queries", () => {
  it("filter by person, entity type and Seoul calendar days, newest first, in pages", async () => {
    const [a, b] = [await createUser(t.db), await createUser(t.db)];
    const entity = crypto.randomUUID();
    await t.db.insert(schema.activity).values([
      // 2026-05-01 23:30 in Seoul
      { actorId: a.id, action: "policy.updated", entityType: "policy", entityId: entity, at: new Date("2026-05-01T14:30:00Z"), before: { status: "issued" }, after: { status: "in_force" } },
      // 2026-05-02 00:30 in Seoul
      { actorId: b.id, action: "comment.created", entityType: "comment", entityId: crypto.randomUUID(), at: new Date("2026-05-01T15:30:00Z") },
      { actorId: a.id, action: "comment.created", entityType: "comment", entityId: crypto.randomUUID(), at: new Date("2026-05-03T01:00:00Z") },
    ]);
    const page = async (query: Record<string, string>) => (await listActivity(activityFiltersSchema.parse(query), a.id)).entries.map((e) => e.action + "@" + e.actorId?.slice(0, 4));
    expect(await page({ actor: a.id })).toEqual([`comment.created@${a.id.slice(0, 4)}`, `policy.updated@${a.id.slice(0, 4)}`]);
    expect(await page({ type: "comment", actor: a.id })).toEqual([`comment.created@${a.id.slice(0, 4)}`]);
    expect(await page({ from: "2026-05-02", to: "2026-05-02" })).toEqual([`comment.created@${b.id.slice(0, 4)}`]);
    expect(await page({ to: "2026-05-01", actor: a.id })).toEqual([`policy.updated@${a.id.slice(0, 4)}`]);

    const second = await listActivity(activityFiltersSchema.parse({ actor: a.id, page: "2" }), a.id);
    expect(second).toEqual({ entries: [], hasNext: false });

    const history = await listEntityHistory("policy", entity);
    expect(history.map((h) => [h.actorName, h.before, h.after])).toEqual([[a.displayName, { status: "issued" }, { status: "in_force" }]]);
  });

  it("shows a private note's entries to its author only", async () => {
    const [author, other] = [await createUser(t.db), await createUser(t.db)];
    await t.db.insert(schema.activity).values([
      { actorId: author.id, action: "annotation.created", entityType: "annotation", entityId: crypto.randomUUID(), privateTo: author.id, after: { isPrivate: true } },
      { actorId: author.id, action: "annotation.created", entityType: "annotation", entityId: crypto.randomUUID(), after: { quote: "AI" } },
    ]);
    const seen = async (viewer: string) => (await listActivity(activityFiltersSchema.parse({ actor: author.id }), viewer)).entries.length;
    expect(await seen(author.id)).toBe(2);
    expect(await seen(other.id)).toBe(1);
    expect(await listRecentActivity(other.id)).toHaveLength((await listRecentActivity(author.id)).length - 1);
  });

  it("nobody can change or delete an entry", async () => {
    await t.db.insert(schema.activity).values({ actorId: null, action: "x", entityType: "policy", entityId: "1" });
    await expect(t.db.update(schema.activity).set({ action: "y" })).rejects.toThrow();
    await expect(t.db.delete(schema.activity)).rejects.toThrow();
  });
});
