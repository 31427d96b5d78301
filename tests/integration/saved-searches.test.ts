import { and, count, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { CSV_COLUMNS } from "@/lib/policies/csv";
import { parsePolicyFilters } from "@/lib/policies/filters";
import { listPolicyPage } from "@/lib/policies/filtered-list";
import { ALERT_BATCH_LIMIT } from "@/lib/saved-searches/alerts";
import { savedSearchIdOfEventKey } from "@/lib/saved-searches/event-key";
import { listSavedSearches } from "@/lib/saved-searches/queries";
import { canonicalQuery } from "@/lib/saved-searches/schemas";
import { createUser, type UserFixture } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const saved = await import("@/app/(workspace)/saved-searches/actions");
const policyActions = await import("@/app/(workspace)/policies/actions");

const t = withFreshDatabase();
let admin: UserFixture;
let alice: UserFixture; // editor who saves searches with alerts
let bob: UserFixture; // editor who logs policies
let carol: UserFixture; // editor who follows shared searches
let viewer: UserFixture;

beforeAll(async () => {
  await seedDatabase(t.db, { adminPassword: "seeded-admin-pw" });
  [admin, alice, bob, carol, viewer] = [
    await createUser(t.db, { role: "admin" }),
    await createUser(t.db, { role: "editor" }),
    await createUser(t.db, { role: "editor" }),
    await createUser(t.db, { role: "editor" }),
    await createUser(t.db, { role: "viewer" }),
  ];
});

type Result = { ok: boolean; status?: number; [key: string]: unknown };
async function as(user: UserFixture, fn: (input: never) => Promise<unknown>, input: unknown): Promise<Result> {
  resetRequest();
  signInAs(user);
  return (await fn(input as never)) as Result;
}

let serial = 0;
/** A unique word per test, so each test's policies and searches leave the others alone. */
const word = () => `검색어${++serial}가나`;
const policyInput = (title: string, overrides: Record<string, unknown> = {}) => ({
  titleZh: `关于${title}的通知${serial}`,
  titleKo: title,
  instrumentType: "standard",
  status: "issued",
  confirmDuplicates: true,
  ...overrides,
});
async function savePolicySearch(user: UserFixture, query: string, extra: Record<string, unknown> = {}) {
  const result = await as(user, saved.saveSearchAction, { scope: "policies", query, name: `검색 ${++serial}`, alert: "on", ...extra });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.savedSearchId as string;
}
async function logPolicy(user: UserFixture, title: string, overrides: Record<string, unknown> = {}) {
  const result = await as(user, policyActions.createPolicyAction, policyInput(title, overrides));
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.id as string;
}
const alertsOf = (user: UserFixture, savedSearchId?: string) =>
  t.db
    .select()
    .from(schema.notifications)
    .where(
      and(
        eq(schema.notifications.userId, user.id),
        eq(schema.notifications.kind, "saved_search_match"),
        savedSearchId ? like(schema.notifications.eventKey, `saved_search:${savedSearchId}:%`) : undefined,
      ),
    );

describe("saving searches", () => {
  it("keeps the view's filters in the screen's own canonical form (no page, no deleted flag, defaults left out)", () => {
    expect(canonicalQuery("policies", "?page=3&q=%20AI%20&type=standard&sort=announced_desc&deleted=1&view=table&junk=1")).toBe("q=AI&type=standard");
    expect(canonicalQuery("policies", "node=not-a-uuid&status=in_force")).toBe("status=in_force");
    expect(canonicalQuery("intake", "state=all&q=표준&page=2")).toBe("state=all&q=%ED%91%9C%EC%A4%80");
    expect(canonicalQuery("intake", "state=new")).toBe("");
  });

  it("lets a viewer save a private search, seen by nobody else, and refuses them a shared one", async () => {
    const privateOne = await as(viewer, saved.saveSearchAction, { scope: "intake", query: "state=all", name: "내 수집 보기" });
    expect(privateOne.ok).toBe(true);
    const shared = await as(viewer, saved.saveSearchAction, { scope: "policies", query: "", name: "공유 시도", shared: "on" });
    expect(shared.status).toBe(403);

    expect((await listSavedSearches(viewer.id)).map((s) => s.name)).toContain("내 수집 보기");
    for (const other of [admin, alice]) expect((await listSavedSearches(other.id)).map((s) => s.id)).not.toContain(privateOne.savedSearchId);
    // Its activity entry is the owner's alone (and so is its live event: see lib/activity/record.ts).
    const entries = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, privateOne.savedSearchId as string));
    expect(entries.map((e) => [e.action, e.privateTo])).toEqual([["saved_search.created", viewer.id]]);
  });

  it("refuses an alert on an intake search and a second search of the same name", async () => {
    const alert = await as(alice, saved.saveSearchAction, { scope: "intake", query: "", name: "수집 알림", alert: "on" });
    expect(alert.status).toBe(400);
    await as(alice, saved.saveSearchAction, { scope: "policies", query: "", name: "같은 이름" });
    const again = await as(alice, saved.saveSearchAction, { scope: "policies", query: "type=law", name: "같은 이름" });
    expect(again.status).toBe(400);
    expect((again as { fieldErrors?: Record<string, string[]> }).fieldErrors?.name).toBeTruthy();
  });

  it("refuses names Postgres cannot store or too long, and a query past its size, writing nothing", async () => {
    const before = (await t.db.select({ n: count() }).from(schema.savedSearches))[0].n;
    for (const input of [
      { scope: "policies", query: "", name: "널\u0000문자" },
      { scope: "policies", query: "", name: "가".repeat(81) },
      { scope: "policies", query: "", name: "   " },
      { scope: "policies", query: "q=".padEnd(2001, "x"), name: "긴 조건" },
      { scope: "brief", query: "", name: "없는 화면" },
    ]) {
      expect((await as(alice, saved.saveSearchAction, input)).status, JSON.stringify(input).slice(0, 60)).toBe(400);
    }
    expect((await t.db.select({ n: count() }).from(schema.savedSearches))[0].n).toBe(before);
  });

  it("lets only the owner rename or share; someone else's private search does not exist for them", async () => {
    const id = await savePolicySearch(alice, "type=law");
    const [row] = await t.db.select().from(schema.savedSearches).where(eq(schema.savedSearches.id, id));
    for (const other of [bob, admin]) {
      expect((await as(other, saved.updateSavedSearchAction, { id, version: row.version, name: "가로챔" })).status).toBe(404);
      expect((await as(other, saved.deleteSavedSearchAction, { id })).status).toBe(404);
      expect((await as(other, saved.setSavedSearchAlertAction, { id, alert: "on" })).status).toBe(404);
    }
    const renamed = await as(alice, saved.updateSavedSearchAction, { id, version: row.version, name: "법률만", shared: "on" });
    expect(renamed.ok).toBe(true);
    // Shared now: others see it, may follow it, may not rename it; an admin may delete it.
    expect((await listSavedSearches(bob.id)).find((s) => s.id === id)?.name).toBe("법률만");
    expect((await as(bob, saved.updateSavedSearchAction, { id, version: renamed.version, name: "가로챔", shared: "on" })).status).toBe(403);
    expect((await as(bob, saved.deleteSavedSearchAction, { id })).status).toBe(403);
    expect((await as(viewer, saved.setSavedSearchAlertAction, { id, alert: "on" })).ok).toBe(true);
    expect((await as(admin, saved.deleteSavedSearchAction, { id })).ok).toBe(true);
    expect(await t.db.select().from(schema.savedSearchAlerts).where(eq(schema.savedSearchAlerts.savedSearchId, id))).toEqual([]);
  });
});

describe("alerts", () => {
  it("notifies the saver when someone else logs a matching policy, and only then", async () => {
    const w = word();
    const id = await savePolicySearch(alice, `q=${encodeURIComponent(w)}&type=standard`);
    const matching = await logPolicy(bob, `${w} 표준 정책`);
    await logPolicy(bob, `${w} 법률`, { instrumentType: "law" }); // the type does not match
    await logPolicy(bob, "상관없는 정책"); // the search text does not match

    const alerts = await alertsOf(alice, id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ entityType: "policy", entityId: matching, actorId: bob.id, eventKey: `saved_search:${id}:policy:${matching}:1` });
    expect(savedSearchIdOfEventKey(alerts[0].eventKey)).toBe(id);
    // "Matches" means what the list shows for the same filters.
    const [search] = await t.db.select().from(schema.savedSearches).where(eq(schema.savedSearches.id, id));
    const listed = await listPolicyPage(t.db, parsePolicyFilters(new URLSearchParams(search.query)));
    expect(listed.rows.map((r) => r.id)).toEqual([matching]);
    // The author of the write hears nothing of their own write.
    await logPolicy(alice, `${w} 내가 쓴 표준`);
    expect(await alertsOf(alice, id)).toHaveLength(1);
  });

  it("on an edit, notifies only when the policy starts to match, not while it keeps matching", async () => {
    const w = word();
    const id = await savePolicySearch(alice, `q=${encodeURIComponent(w)}`);
    const policyId = await logPolicy(bob, "아직 아님");
    expect(await alertsOf(alice, id)).toHaveLength(0);
    const edit = async (title: string) => {
      const [p] = await t.db.select().from(schema.policies).where(eq(schema.policies.id, policyId));
      const result = await as(bob, policyActions.updatePolicyAction, { ...policyInput(title), titleZh: p.titleZh, id: policyId, version: p.version });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    };
    await edit(`${w} 이제 맞음`);
    expect((await alertsOf(alice, id)).map((n) => n.eventKey)).toEqual([`saved_search:${id}:policy:${policyId}:2`]);
    await edit(`${w} 여전히 맞음`);
    expect(await alertsOf(alice, id)).toHaveLength(1);
    await edit("이제 안 맞음");
    await edit(`${w} 다시 맞음`);
    expect((await alertsOf(alice, id)).map((n) => n.eventKey).sort()).toEqual([`saved_search:${id}:policy:${policyId}:2`, `saved_search:${id}:policy:${policyId}:5`].sort());
  });

  it("notifies when a deleted policy that matches is restored", async () => {
    const w = word();
    const policyId = await logPolicy(bob, `${w} 지웠다 살림`);
    await as(admin, policyActions.deletePolicyAction, { id: policyId });
    const id = await savePolicySearch(alice, `q=${encodeURIComponent(w)}`);
    expect((await as(admin, policyActions.restorePolicyAction, { id: policyId })).ok).toBe(true);
    expect((await alertsOf(alice, id)).map((n) => n.entityId)).toEqual([policyId]);
  });

  it("tests an import once: a few matches one alert each, many matches one alert for the batch", async () => {
    const w = word();
    const few = await savePolicySearch(alice, `q=${encodeURIComponent(`${w}소수`)}`);
    const many = await savePolicySearch(alice, `q=${encodeURIComponent(w)}`);
    const row = (title: string) => CSV_COLUMNS.map((c) => (c === "title_zh" ? `导入${title}${serial++}` : c === "title_ko" ? title : "")).join(",");
    const titles = [`${w}소수 하나`, `${w}소수 둘`, ...Array.from({ length: ALERT_BATCH_LIMIT }, (_, i) => `${w} 대량 ${i}`)];
    const csv = `${CSV_COLUMNS.join(",")}\r\n${titles.map(row).join("\r\n")}\r\n`;
    const result = await as(bob, policyActions.importPoliciesAction, { csv, dryRun: false });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect((await alertsOf(alice, few)).map((n) => n.entityType)).toEqual(["policy", "policy"]);
    const batch = await alertsOf(alice, many);
    expect(batch.map((n) => [n.entityType, n.entityId])).toEqual([["saved_search", many]]);
  });

  it("alerts followers of a shared search, and stops telling them once it is made private", async () => {
    const w = word();
    const id = await savePolicySearch(alice, `q=${encodeURIComponent(w)}`, { shared: "on", alert: "" });
    expect((await as(carol, saved.setSavedSearchAlertAction, { id, alert: "on" })).ok).toBe(true);
    await logPolicy(bob, `${w} 첫째`);
    expect(await alertsOf(carol, id)).toHaveLength(1);
    expect(await alertsOf(alice, id)).toHaveLength(0); // alice did not ask for alerts

    const [row] = await t.db.select().from(schema.savedSearches).where(eq(schema.savedSearches.id, id));
    expect((await as(alice, saved.updateSavedSearchAction, { id, version: row.version, name: row.name })).ok).toBe(true);
    await logPolicy(bob, `${w} 둘째`);
    expect(await alertsOf(carol, id)).toHaveLength(1);
    expect((await listSavedSearches(carol.id)).map((s) => s.id)).not.toContain(id);
    // The change to private is recorded for the owner alone.
    const [entry] = await t.db.select().from(schema.activity).where(and(eq(schema.activity.entityId, id), eq(schema.activity.action, "saved_search.updated")));
    expect(entry.privateTo).toBe(alice.id);
  });

  it("never alerts anyone but its owner through a private search, even with a forged alert row", async () => {
    const w = word();
    const id = await savePolicySearch(alice, `q=${encodeURIComponent(w)}`);
    await t.db.insert(schema.savedSearchAlerts).values({ savedSearchId: id, userId: carol.id });
    await logPolicy(bob, `${w} 비밀`);
    expect(await alertsOf(alice, id)).toHaveLength(1);
    expect(await alertsOf(carol, id)).toHaveLength(0);
  });

  it("tests every alerting search against the written policy, and alerts through the matching one only", async () => {
    expect((await t.db.select({ n: count() }).from(schema.savedSearchAlerts))[0].n).toBeGreaterThan(3);
    const w = word();
    for (let i = 0; i < 5; i++) await savePolicySearch(carol, `q=${encodeURIComponent(`${w}${i}`)}`);
    const id = await logPolicy(bob, `${w}3 하나만`);
    expect((await alertsOf(carol)).filter((n) => n.entityId === id)).toHaveLength(1);
  });
});
