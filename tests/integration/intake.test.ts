import fs from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { createUser, type UserFixture } from "../factories";
import { hugeBody, neverFinishes, startFixtureServer, type FixtureServer } from "../support/fixture-server";
import { withFreshDatabase } from "./harness";

// Fetches in this file may reach the fixture server's port only (env is read once per process).
const port = 20_000 + Math.floor(Math.random() * 20_000);
process.env.SOURCE_FETCH_ALLOW = `127.0.0.1:${port}`;
process.env.SOURCE_FETCH_HOST_INTERVAL_MS = "0";

const { checkSource } = await import("@/lib/intake/check-source");
const { createSource } = await import("@/lib/intake/manage-sources");
const { dismissEntries, markDuplicate } = await import("@/lib/intake/triage");
const { draftFromUrl } = await import("@/lib/intake/draft-from-url");
const { snapshotPolicySource } = await import("@/lib/intake/snapshot-source");
const { importSourcesFromOpml, exportSourcesOpml } = await import("@/lib/intake/import-sources");
const { createPolicy } = await import("@/lib/policies/create-policy");
const { startJobs, stopJobs } = await import("@/lib/jobs/runner");
const { intakeJobs, SOURCE_CHECKS_DUE } = await import("@/lib/intake/jobs");

const t = withFreshDatabase();
const fixtures = path.join(__dirname, "../fixtures/intake");
const file = (name: string) => fs.readFileSync(path.join(fixtures, name));
let server: FixtureServer;
let other: FixtureServer;
let editor: UserFixture;
let viewer: UserFixture;

beforeAll(async () => {
  server = await startFixtureServer({ port });
  other = await startFixtureServer();
  await seedDatabase(t.db, { adminPassword: "seeded-admin-pw" });
  editor = await createUser(t.db, { role: "editor" });
  viewer = await createUser(t.db, { role: "viewer" });
  server.route("/rss.xml", { headers: { "Content-Type": "application/rss+xml", ETag: '"rss-1"' }, body: file("rss.xml") });
  server.route("/atom.xml", { headers: { "Content-Type": "application/atom+xml" }, body: file("atom.xml") });
  server.route("/feed.json", { headers: { "Content-Type": "application/feed+json" }, body: file("feed.json") });
  // GB18030 with the charset only in the page's meta tag, as Chinese ministries serve it.
  server.route("/list.html", { headers: { "Content-Type": "text/html" }, body: file("list-gb18030.html") });
  server.route("/script-list.html", { headers: { "Content-Type": "text/html; charset=utf-8" }, body: file("list-script.html") });
  server.route("/invalid.xml", { headers: { "Content-Type": "application/xml" }, body: file("invalid.xml") });
  server.route("/policy.html", { headers: { "Content-Type": "text/html; charset=utf-8" }, body: file("policy-govcn.html") });
  server.route("/policy-meta.html", { headers: { "Content-Type": "text/html; charset=utf-8" }, body: file("policy-meta.html") });
  server.route("/huge.xml", hugeBody(30 * 1024 * 1024));
  server.route("/hang.xml", neverFinishes());
  server.route("/elsewhere.xml", { status: 302, headers: { Location: other.url("/rss.xml") } });
  other.route("/rss.xml", { headers: { "Content-Type": "application/rss+xml" }, body: file("rss.xml") });
});

afterAll(async () => {
  await stopJobs();
  await server?.close();
  await other?.close();
});

const entriesOf = (sourceId: string) => t.db.select().from(schema.intakeEntries).where(eq(schema.intakeEntries.sourceId, sourceId));
const sourceRow = async (id: string) => (await t.db.select().from(schema.sources).where(eq(schema.sources.id, id)))[0];
let n = 0;
const addSource = async (route: string, kind: "rss" | "atom" | "json_feed" | "html_list", extra: Record<string, string> = {}) =>
  (await createSource({ actor: editor, input: { name: `source ${++n}`, url: server.url(route), kind, ...extra } })).id;

describe("checking sources", () => {
  it("stores an RSS feed's entries once, and an unchanged feed costs one 304", async () => {
    const id = await addSource("/rss.xml", "rss");
    expect(await checkSource(id)).toEqual({ outcome: "checked", found: 4, created: 4 });
    const entries = await entriesOf(id);
    expect(entries.map((e) => e.title)).toContain("工业和信息化部关于印发《人形机器人创新发展指导意见》的通知");
    // The relative link is resolved against the feed's URL.
    expect(entries.some((e) => e.url === server.url("/zwgk/zcwj/wjfb/tz/art/2025/art_2.html"))).toBe(true);
    expect(entries.every((e) => e.state === "new")).toBe(true);
    const before = server.requests("/rss.xml");
    expect(await checkSource(id)).toEqual({ outcome: "not_modified" });
    expect(server.requests("/rss.xml")).toBe(before + 1);
    expect(await entriesOf(id)).toHaveLength(4);
    const source = await sourceRow(id);
    expect(source.entriesFound).toBe(4);
    expect(source.lastError).toBeNull();
    expect(source.lastSuccessAt).not.toBeNull();
    // Editors hear of new entries (one notification per hour, however many sources report).
    const [notified] = await t.db
      .select({ n: count() })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.userId, editor.id), eq(schema.notifications.kind, "intake")));
    expect(notified.n).toBe(1);
    const [viewers] = await t.db
      .select({ n: count() })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.userId, viewer.id), eq(schema.notifications.kind, "intake")));
    expect(viewers.n).toBe(0);
  });

  it("reads Atom and JSON Feed", async () => {
    const atom = await addSource("/atom.xml", "atom");
    const json = await addSource("/feed.json", "json_feed");
    expect(await checkSource(atom)).toMatchObject({ outcome: "checked", created: 3 });
    expect(await checkSource(json)).toMatchObject({ outcome: "checked", created: 3 });
    expect((await entriesOf(json)).map((e) => e.title)).toContain("“数据要素×”三年行动计划（2024—2026年）");
  });

  it("reads a GB18030 list page through its selector, and nothing else on the page", async () => {
    const id = await addSource("/list.html", "html_list", { linkSelector: "ul.list li a" });
    expect(await checkSource(id)).toMatchObject({ outcome: "checked", created: 6 });
    const titles = (await entriesOf(id)).map((e) => e.title);
    expect(titles).toContain("关于印发《人工智能生成合成内容标识办法》的通知");
    expect(titles).not.toContain("首页");
    const dated = (await entriesOf(id)).find((e) => e.url.endsWith("content_1.html"));
    expect(dated?.publishedAt?.toISOString()).toBe("2025-03-13T16:00:00.000Z");
  });

  it("says why a page built by script yields nothing", async () => {
    const id = await addSource("/script-list.html", "html_list", { linkSelector: "ul.list li a" });
    expect(await checkSource(id)).toMatchObject({ outcome: "checked", created: 0 });
    expect((await sourceRow(id)).lastError).toBe("page_built_by_script");
  });

  it.each([
    ["/invalid.xml", "invalid_xml", false],
    ["/huge.xml", "too_large", false],
    ["/elsewhere.xml", "blocked_address", false],
    ["/missing.xml", "http_status", false],
  ])("records %s as %s", async (route, code, transient) => {
    const id = await addSource(route, "rss");
    expect(await checkSource(id)).toEqual({ outcome: "failed", error: code, transient });
    const source = await sourceRow(id);
    expect(source.lastError).toBe(code);
    expect(source.lastErrorAt).not.toBeNull();
    expect(await entriesOf(id)).toHaveLength(0);
  });

  it("gives up on an answer that never finishes, and says it may be retried", async () => {
    const id = await addSource("/hang.xml", "rss");
    const started = Date.now();
    expect(await checkSource(id, { fetch: { timeoutMs: 1500 } })).toEqual({ outcome: "failed", error: "timeout", transient: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("does not store an entry again when another source lists the same link", async () => {
    const copy = await addSource("/rss.xml?copy=1", "rss");
    expect(await checkSource(copy)).toMatchObject({ outcome: "checked", found: 4, created: 0 });
  });
});

describe("triage", () => {
  it("dismisses in bulk, refuses viewers and entries already decided", async () => {
    const id = await addSource("/atom.xml?triage=1", "atom");
    // Same links as the Atom source above: nothing new. Use the JSON entries instead.
    expect((await entriesOf(id)).length).toBe(0);
    const open = await t.db.select().from(schema.intakeEntries).where(eq(schema.intakeEntries.state, "new")).limit(3);
    await expect(dismissEntries({ actor: viewer, input: { ids: [open[0].id] } })).rejects.toThrow();
    expect(await dismissEntries({ actor: editor, input: { ids: open.slice(0, 2).map((e) => e.id), reason: "관련 없음" } })).toEqual({ dismissed: 2 });
    await expect(dismissEntries({ actor: editor, input: { ids: [open[0].id] } })).rejects.toMatchObject({ code: "conflict" });
    const [row] = await t.db.select().from(schema.intakeEntries).where(eq(schema.intakeEntries.id, open[0].id));
    expect(row).toMatchObject({ state: "dismissed", dismissReason: "관련 없음", decidedById: editor.id });
  });

  it("logs a policy from an entry, with the draft read from its page", async () => {
    const id = await addSource("/list.html?log=1", "html_list", { linkSelector: "ul.list li a" });
    expect((await entriesOf(id)).length).toBe(0); // same links as the list above
    const [entry] = await t.db.select().from(schema.intakeEntries).where(eq(schema.intakeEntries.state, "new")).limit(1);
    const result = await draftFromUrl({ actor: editor, url: server.url("/policy.html") });
    if (!result.ok) throw new Error(`draft failed: ${result.error}`);
    expect(result.draft).toMatchObject({
      titleZh: "人工智能生成合成内容标识办法",
      documentNumber: "国信办通字〔2025〕2号",
      announcedOn: "2025-03-14",
      effectiveOn: "2025-09-01",
      instrumentType: "departmental_rule",
    });
    expect(result.draft.guessed).toEqual(expect.arrayContaining(["titleZh", "documentNumber", "announcedOn", "effectiveOn"]));
    const created = await createPolicy({
      actor: editor,
      input: { titleZh: result.draft.titleZh!, titleKo: "AI 생성 합성 콘텐츠 표시 방법", sourceUrl: server.url("/policy.html"), intakeEntryId: entry.id, confirmDuplicates: true },
    });
    const [logged] = await t.db.select().from(schema.intakeEntries).where(eq(schema.intakeEntries.id, entry.id));
    expect(logged).toMatchObject({ state: "logged", policyId: created.id });
    await expect(
      createPolicy({ actor: editor, input: { titleZh: "再次", titleKo: "다시", intakeEntryId: entry.id, confirmDuplicates: true } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("reads a page that has meta tags only", async () => {
    const result = await draftFromUrl({ actor: editor, url: server.url("/policy-meta.html") });
    expect(result.ok && result.draft.titleZh).toBeTruthy();
    expect(await draftFromUrl({ actor: editor, url: "http://169.254.169.254/latest/meta-data/" })).toEqual({ ok: false, error: "blocked_address", status: null });
  });

  it("marks an entry as the duplicate of a logged policy", async () => {
    const [entry] = await t.db.select().from(schema.intakeEntries).where(eq(schema.intakeEntries.state, "new")).limit(1);
    const [policy] = await t.db.select({ id: schema.policies.id }).from(schema.policies).limit(1);
    await markDuplicate({ actor: editor, input: { id: entry.id, policyId: policy.id } });
    const [row] = await t.db.select().from(schema.intakeEntries).where(eq(schema.intakeEntries.id, entry.id));
    expect(row).toMatchObject({ state: "duplicate", policyId: policy.id });
  });
});

describe("snapshots of a policy's source", () => {
  it("keeps the text, notices a change, and keeps the text when the link dies", async () => {
    let text = "第一条 为了促进人工智能健康发展，制定本办法。";
    let status = 200;
    server.route("/changing.html", (_req, res) => {
      res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
      res.end(status === 200 ? `<html><head><title>变化的办法</title></head><body><div id="UCAP-CONTENT"><p>${text}</p></div></body></html>` : "gone");
    });
    const created = await createPolicy({ actor: editor, input: { titleZh: "变化的办法", titleKo: "바뀌는 방법", sourceUrl: server.url("/changing.html"), confirmDuplicates: true } });
    const id = created.id!;
    expect(await snapshotPolicySource(id)).toEqual({ outcome: "first", status: 200 });
    expect(await snapshotPolicySource(id)).toEqual({ outcome: "unchanged", status: 200 });
    text = "第一条 为了促进和规范人工智能健康发展，制定本办法。";
    expect(await snapshotPolicySource(id)).toEqual({ outcome: "changed", status: 200 });
    const [policy] = await t.db.select().from(schema.policies).where(eq(schema.policies.id, id));
    expect(policy.sourceChangedAt).not.toBeNull();
    expect(policy.lastCheckedOn).toBe(new Date().toISOString().slice(0, 10));
    const [notified] = await t.db
      .select({ n: count() })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.userId, editor.id), eq(schema.notifications.kind, "source_changed")));
    expect(notified.n).toBe(1);
    // The link dies: the answer is recorded, the last text stays.
    status = 404;
    expect(await snapshotPolicySource(id)).toEqual({ outcome: "failed", status: 404 });
    const snapshots = await t.db.select().from(schema.sourceSnapshots).where(eq(schema.sourceSnapshots.policyId, id));
    expect(snapshots.map((s) => s.httpStatus).sort()).toEqual([200, 200, 404]);
    expect(snapshots.filter((s) => s.text?.includes("规范人工智能"))).toHaveLength(1);
  });
});

describe("OPML", () => {
  it("exports every source with its selectors and imports a feed reader's file", async () => {
    const exported = await exportSourcesOpml("test");
    expect(exported).toContain("ul.list li a");
    const report = await importSourcesFromOpml({ actor: editor, opml: file("opml-feedreader.opml").toString("utf8") });
    expect(report.created).toBeGreaterThan(0);
    const again = await importSourcesFromOpml({ actor: editor, opml: file("opml-feedreader.opml").toString("utf8") });
    expect(again).toMatchObject({ created: 0, skipped: report.created });
  });
});

describe("the job runner", () => {
  it("checks due sources through pg-boss on this database", async () => {
    const id = await addSource("/feed.json?jobs=1", "json_feed");
    const runner = await startJobs(intakeJobs, t.handle);
    await runner.boss.send(SOURCE_CHECKS_DUE, {});
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(await sourceRow(id)).lastCheckedAt) await new Promise((r) => setTimeout(r, 250));
    const source = await sourceRow(id);
    expect(source.lastCheckedAt).not.toBeNull();
    expect(source.nextCheckAt.getTime()).toBeGreaterThan(Date.now() + 5 * 60_000);
    expect(server.requests("/feed.json?jobs=1")).toBe(1);
  });
});
