import { and, count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { parsePolicyFilters } from "@/lib/policies/filters";
import type { CreatePolicyInput } from "@/lib/policies/schemas";
import { listPolicyPage } from "@/lib/policies/filtered-list";
import { createUser, type UserFixture } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const actions = await import("@/app/(workspace)/policies/actions");

const t = withFreshDatabase();
let admin: UserFixture;
let editor: UserFixture;
let viewer: UserFixture;
let nodeIds: string[];
let bodyId: string;
let brief: { text: string };

beforeAll(async () => {
  await seedDatabase(t.db, { adminPassword: "seeded-admin-pw" });
  [admin, editor, viewer] = [await createUser(t.db, { role: "admin" }), await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "viewer" })];
  nodeIds = (await t.db.select({ id: schema.frameworkNodes.id }).from(schema.frameworkNodes).limit(2)).map((n) => n.id);
  bodyId = (await t.db.select({ id: schema.issuingBodies.id }).from(schema.issuingBodies).limit(1))[0].id;
  const [rev] = await t.db.select({ text: schema.briefRevisions.plainText }).from(schema.briefRevisions).limit(1);
  brief = rev;
});

beforeEach(() => resetRequest());

const counts = async () => ({
  policies: (await t.db.select({ n: count() }).from(schema.policies))[0].n,
  activity: (await t.db.select({ n: count() }).from(schema.activity))[0].n,
  links: (await t.db.select({ n: count() }).from(schema.policyFrameworkNodes))[0].n,
});

let serial = 0;
function validInput(overrides: Record<string, unknown> = {}): CreatePolicyInput {
  serial++;
  return {
    titleZh: `关于测试政策第${serial}号的通知`,
    titleKo: `시험 정책 제${serial}호 통지`,
    documentNumber: `测试〔2025〕${serial}号`,
    instrumentType: "regulation",
    status: "issued",
    announcedOn: "2025-03-01",
    effectiveOn: "2025-04-01",
    sourceUrl: "https://www.cac.gov.cn/example",
    significance: "high",
    relation: "extends",
    issuingBodyIds: [bodyId],
    nodeIds,
    confirmDuplicates: true,
    ...overrides,
  } as CreatePolicyInput;
}

async function created(input = validInput()) {
  signInAs(editor);
  const result = await actions.createPolicyAction(input);
  if (!result.ok || !result.id) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.id;
}

describe("roles", () => {
  const calls = {
    createPolicyAction: async () => actions.createPolicyAction(validInput()),
    updatePolicyAction: async (id: string) => actions.updatePolicyAction({ ...validInput(), id, version: 1 }),
    deletePolicyAction: async (id: string) => actions.deletePolicyAction({ id }),
    restorePolicyAction: async (id: string) => actions.restorePolicyAction({ id }),
  };
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: anonymous 401, viewer 403, nothing written`, async () => {
      const id = await created();
      resetRequest();
      const before = await counts();
      expect(await call(id)).toMatchObject({ ok: false, status: 401 });
      signInAs(viewer);
      expect(await call(id)).toMatchObject({ ok: false, status: 403, code: "forbidden" });
      expect(await counts()).toEqual(before);
    });
  }

  it("editors may not delete or restore; admins may", async () => {
    const id = await created();
    signInAs(editor);
    expect(await actions.deletePolicyAction({ id })).toMatchObject({ ok: false, status: 403 });
    signInAs(admin);
    expect(await actions.deletePolicyAction({ id })).toEqual({ ok: true });
    const [row] = await t.db.select().from(schema.policies).where(eq(schema.policies.id, id));
    expect(row.deletedAt).not.toBeNull();
    const live = await listPolicyPage(t.db, parsePolicyFilters({ q: row.titleKo }));
    expect(live.total).toBe(0);
    const deleted = await listPolicyPage(t.db, parsePolicyFilters({ q: row.titleKo }), { deleted: true });
    expect(deleted.rows.map((r) => r.id)).toEqual([id]);
    expect(await actions.deletePolicyAction({ id })).toMatchObject({ ok: false, status: 404 });
    expect(await actions.restorePolicyAction({ id })).toEqual({ ok: true });
    expect((await listPolicyPage(t.db, parsePolicyFilters({ q: row.titleKo }))).total).toBe(1);
    const actionsLogged = await t.db.select({ action: schema.activity.action }).from(schema.activity).where(eq(schema.activity.entityId, id));
    expect(actionsLogged.map((a) => a.action).sort()).toEqual(["policy.created", "policy.deleted", "policy.restored"]);
  });
});

describe("bad input", () => {
  it.each([
    ["missing Chinese title", { titleZh: "  " }, "titleZh", "중국어 원문 제목을 입력해 주세요."],
    ["effective before announced", { effectiveOn: "2025-02-01" }, "effectiveOn", "시행일은 발표일보다 앞설 수 없습니다."],
    ["unknown framework node", { nodeIds: ["00000000-0000-4000-8000-000000000000"] }, "nodeIds", "없거나 보관된 프레임워크 노드입니다."],
    ["non-http URL", { sourceUrl: "javascript:alert(1)" }, "sourceUrl", "http:// 또는 https://로 시작하는 주소를 입력해 주세요."],
    ["10 MB summary", { summary: "x".repeat(10 * 1024 * 1024) }, "summary", undefined],
    ["passage not in the brief", { passages: JSON.stringify([{ start: 0, end: 5, quote: "없는 구절입니다" }]) }, "passages", undefined],
  ])("%s is refused with a field error and nothing is written", async (_name, overrides, field, message) => {
    signInAs(editor);
    const before = await counts();
    const result = await actions.createPolicyAction(validInput(overrides));
    expect(result).toMatchObject({ ok: false, status: 400 });
    const errors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(errors[field]).toBeDefined();
    if (message) expect(errors[field]).toEqual([message]);
    expect(await counts()).toEqual(before);
  });

  it("refuses an archived node", async () => {
    const [node] = await t.db.insert(schema.frameworkNodes).values({ dimensionId: (await t.db.select().from(schema.frameworkDimensions).limit(1))[0].id, labelKo: "보관", labelEn: "Archived", position: 99, archivedAt: new Date() }).returning();
    signInAs(editor);
    const result = await actions.createPolicyAction(validInput({ nodeIds: [node.id] }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { nodeIds: ["없거나 보관된 프레임워크 노드입니다."] } });
  });
});

describe("create and update", () => {
  it("stores every field, links, passages, search columns and an activity entry", async () => {
    const quote = "AI 표준 및 거버넌스 경쟁의 심화";
    const start = brief.text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    const summary = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "라벨링 의무 요약" }] }] });
    const id = await created(validInput({ summary, passages: JSON.stringify([{ start, end: start + quote.length, quote }]), newIssuingBodies: JSON.stringify([{ nameZh: "新机构测试", nameKo: "새 기관 시험" }]) }));
    const [row] = await t.db.select().from(schema.policies).where(eq(schema.policies.id, id));
    expect(row).toMatchObject({ instrumentType: "regulation", relation: "extends", summaryText: "라벨링 의무 요약", createdById: editor.id, version: 1 });
    expect(row.searchBigrams).toContain("라벨");
    const passages = await t.db.select().from(schema.policyPassages).where(eq(schema.policyPassages.policyId, id));
    expect(passages[0].selector).toMatchObject({ quote, start, end: start + quote.length });
    const bodies = await t.db.select().from(schema.policyIssuingBodies).where(eq(schema.policyIssuingBodies.policyId, id));
    expect(bodies).toHaveLength(2);
    const [entry] = await t.db.select().from(schema.activity).where(and(eq(schema.activity.entityId, id), eq(schema.activity.action, "policy.created")));
    expect(entry.actorId).toBe(editor.id);
    expect(entry.after).toMatchObject({ titleKo: row.titleKo, passages: quote });
  });

  it("refuses a stale save with a conflict, keeps the other change, and records before/after", async () => {
    const input = validInput();
    const id = await created(input);
    signInAs(editor);
    const first = await actions.updatePolicyAction({ ...input, id, version: 1, status: "in_force" });
    expect(first).toMatchObject({ ok: true, version: 2 });
    signInAs(admin);
    const stale = await actions.updatePolicyAction({ ...input, id, version: 1, titleKo: "덮어쓰기 시도" });
    expect(stale).toMatchObject({ ok: false, status: 409, code: "conflict" });
    // The refusal carries the policy as saved now and who saved it: the form merges, no reload.
    expect(stale).toMatchObject({
      details: { current: { id, version: 2, status: "in_force", titleKo: input.titleKo }, changedBy: editor.displayName, changedAt: expect.any(String) },
    });
    const [row] = await t.db.select().from(schema.policies).where(eq(schema.policies.id, id));
    expect(row).toMatchObject({ status: "in_force", titleKo: input.titleKo, version: 2 });
    const [entry] = await t.db.select().from(schema.activity).where(and(eq(schema.activity.entityId, id), eq(schema.activity.action, "policy.updated")));
    expect(entry).toMatchObject({ actorId: editor.id, before: { status: "issued" }, after: { status: "in_force" } });
  });

  it("warns about likely duplicates (same document number or very similar title) unless confirmed", async () => {
    const input = validInput();
    const id = await created(input);
    signInAs(editor);
    const byNumber = await actions.createPolicyAction({ ...validInput(), documentNumber: ` ${input.documentNumber} `, confirmDuplicates: false });
    expect(byNumber).toMatchObject({ ok: true, duplicates: expect.arrayContaining([expect.objectContaining({ id, reason: "document_number" })]) });
    const byTitle = await actions.createPolicyAction({ ...validInput(), titleZh: `${input.titleZh}。`, confirmDuplicates: false });
    expect(byTitle).toMatchObject({ ok: true, duplicates: expect.arrayContaining([expect.objectContaining({ id, reason: "title" })]) });
    const unrelated = await actions.createPolicyAction({ ...validInput(), titleZh: "完全不同的标题内容", titleKo: "전혀 다른 제목", confirmDuplicates: false });
    expect(unrelated).toMatchObject({ ok: true, id: expect.any(String) });
    const anyway = await actions.createPolicyAction({ ...validInput(), titleZh: input.titleZh, confirmDuplicates: "1" });
    expect(anyway).toMatchObject({ ok: true, id: expect.any(String) });
  });
});

describe("search", () => {
  const find = async (q: string) => (await listPolicyPage(t.db, parsePolicyFilters({ q }))).rows.map((r) => r.titleKo);

  it("finds Korean and Chinese substrings of two or more characters", async () => {
    expect(await find("생성형")).toEqual(["생성형 인공지능 서비스 관리 장정 조례"]);
    expect(await find("生成式")).toEqual(["생성형 인공지능 서비스 관리 장정 조례"]);
    expect((await find("표준")).sort()).toEqual(["국가 인공지능 산업 종합 표준화 체계구축 지침(2024년 개정판)", "국가 차세대 인공지능 표준화 체계 구축 지침"].sort());
    expect(await find("标准体系建设")).toContain("국가 차세대 인공지능 표준화 체계 구축 지침");
  });

  it("finds one character by scanning, and document numbers and summaries", async () => {
    expect((await find("准")).length).toBeGreaterThanOrEqual(2);
    expect(await find("라벨링 의무")).not.toHaveLength(0);
    expect(await find("100%_없음")).toEqual([]);
  });
});

describe("duplicate detection at any size", () => {
  it("finds a document number written with other widths, brackets, dashes and spaces, through its index column", async () => {
    const { findDuplicates } = await import("@/lib/policies/find-duplicates");
    const { searchBigrams } = await import("@/lib/policies/search-terms");
    const [row] = await t.db
      .insert(schema.policies)
      .values({ titleKo: "번호 시험 정책", titleZh: "编号测试政策", documentNumber: "国发〔２０１７〕３５ 号", searchBigrams: searchBigrams("编号测试政策", "번호 시험 정책") })
      .returning();
    expect(row.documentNumberKey).toBe("国发(2017)35号");
    for (const typed of ["国发〔2017〕35号", "国发[2017]35号", "国发(2017) 35号", "国发【2017】35号"]) {
      const found = await findDuplicates(t.db, { documentNumber: typed, titleZh: "完全不同", titleKo: "전혀 다른" });
      expect(found.map((d) => [d.id, d.reason]), typed).toContainEqual([row.id, "document_number"]);
    }
    const [standard] = await t.db.insert(schema.policies).values({ titleKo: "표준 번호 시험", documentNumber: "GB 45438—2025" }).returning();
    expect((await findDuplicates(t.db, { documentNumber: "GB45438-2025" })).map((d) => d.id)).toContain(standard.id);
  });

  it("finds a similar title among all policies, not only the newest 300", async () => {
    const { findDuplicates } = await import("@/lib/policies/find-duplicates");
    const { searchBigrams } = await import("@/lib/policies/search-terms");
    const title = "生成式人工智能服务安全评估暂行规定";
    const [old] = await t.db
      .insert(schema.policies)
      .values({ titleKo: "오래된 정책", titleZh: title, searchBigrams: searchBigrams(title, "오래된 정책"), createdAt: new Date("2001-01-01") })
      .returning();
    // 320 newer policies that share some of its bigrams (人工, 工智, 智能, …) but are not alike.
    const many = Array.from({ length: 320 }, (_, i) => {
      const zh = `人工智能产业第${i}号专项计划`;
      return { titleKo: `다른 정책 ${i}`, titleZh: zh, searchBigrams: searchBigrams(zh, `다른 정책 ${i}`) };
    });
    for (let i = 0; i < many.length; i += 100) await t.db.insert(schema.policies).values(many.slice(i, i + 100));
    const found = await findDuplicates(t.db, { titleZh: `${title}。`, titleKo: "새 정책" });
    expect(found.map((d) => [d.id, d.reason])).toContainEqual([old.id, "title"]);
  });
});

describe("archived framework nodes", () => {
  it("an edit keeps a policy's archived node (listed as archived), refuses adding another archived one, and unarchiving brings it back", async () => {
    const { listFrameworkOptions } = await import("@/lib/policies/form-queries");
    const frameworkActions = await import("@/app/(workspace)/framework/actions");
    const nodes = await t.db.select().from(schema.frameworkNodes).limit(4);
    const [kept, other] = [nodes[2], nodes[3]];
    const id = await created(validInput({ nodeIds: [nodeIds[0], kept.id] }));
    await t.db.update(schema.frameworkNodes).set({ archivedAt: new Date() }).where(eq(schema.frameworkNodes.id, kept.id));
    await t.db.update(schema.frameworkNodes).set({ archivedAt: new Date() }).where(eq(schema.frameworkNodes.id, other.id));

    // The edit form lists it (as archived) for this policy only.
    const options = (await listFrameworkOptions([nodeIds[0], kept.id])).flatMap((d) => d.nodes);
    expect(options.find((n) => n.id === kept.id)).toMatchObject({ archived: true });
    expect(options.find((n) => n.id === other.id)).toBeUndefined();

    signInAs(editor);
    const [row] = await t.db.select().from(schema.policies).where(eq(schema.policies.id, id));
    const saved = await actions.updatePolicyAction({ ...validInput({ nodeIds: [nodeIds[0], kept.id] }), id, version: row.version, titleKo: "보관 노드 유지" });
    expect(saved).toMatchObject({ ok: true });
    const links = await t.db.select().from(schema.policyFrameworkNodes).where(eq(schema.policyFrameworkNodes.policyId, id));
    expect(links.map((l) => l.nodeId).sort()).toEqual([nodeIds[0], kept.id].sort());
    const refused = await actions.updatePolicyAction({ ...validInput({ nodeIds: [kept.id, other.id] }), id, version: row.version + 1 });
    expect(refused).toMatchObject({ ok: false, status: 400, fieldErrors: { nodeIds: expect.any(Array) } });

    expect(await frameworkActions.unarchiveNodeAction({ id: other.id })).toEqual({ ok: true });
    const [back] = await t.db.select().from(schema.frameworkNodes).where(eq(schema.frameworkNodes.id, other.id));
    expect(back.archivedAt).toBeNull();
    await t.db.update(schema.frameworkNodes).set({ archivedAt: null }).where(eq(schema.frameworkNodes.id, kept.id));
  });
});
