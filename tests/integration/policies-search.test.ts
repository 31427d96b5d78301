import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as t from "@/db/schema";
import { parseCsv } from "@/lib/policies/csv";
import { COUNT_CAP, listPolicyPage } from "@/lib/policies/filtered-list";
import { PAGE_SIZE, parsePolicyFilters } from "@/lib/policies/filters";
import { policiesBehindSearchIndex, reindexPolicySearch } from "@/lib/policies/reindex-search";
import { RANK_WINDOW } from "@/lib/policies/search-rank";
import { SEARCH_VERSION, policySearchColumns } from "@/lib/policies/search-terms";
import { createUser } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const { GET: exportCsvRoute } = await import("@/app/api/policies/export.csv/route");
const { GET: exportJsonRoute } = await import("@/app/api/policies/export.json/route");

const fixture = withFreshDatabase();

/** A policy as the app writes it: search columns computed from its fields. */
const policy = (fields: { titleKo: string; titleZh?: string; titleEn?: string; documentNumber?: string; summaryText?: string }) => ({
  ...fields,
  ...policySearchColumns(fields),
});

describe("policy search at volume", () => {
  it("counts matches up to the cap, says there are more, and still pages past it", async () => {
    const rows = Array.from({ length: COUNT_CAP + 5 }, (_, i) => policy({ titleKo: `인공지능 표준 ${i}`, titleZh: `人工智能标准 ${i}` }));
    await fixture.db.insert(t.policies).values(rows);
    await fixture.db.insert(t.policies).values(policy({ titleKo: "반도체 지원", titleZh: "芯片支持" }));

    const broad = await listPolicyPage(fixture.db, parsePolicyFilters({ q: "표준" }));
    expect(broad).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(broad.rows).toHaveLength(PAGE_SIZE);

    const lastCounted = Math.ceil(COUNT_CAP / PAGE_SIZE);
    const beyond = await listPolicyPage(fixture.db, parsePolicyFilters({ q: "标准", page: String(lastCounted + 1) }));
    expect(beyond.rows.length).toBeGreaterThan(0);

    // The ranked pages (the newest RANK_WINDOW matches) and the pages after them neither overlap nor skip.
    const seen = new Set<string>();
    const pages = RANK_WINDOW / PAGE_SIZE + 2;
    for (let page = 1; page <= pages; page++) {
      for (const r of (await listPolicyPage(fixture.db, parsePolicyFilters({ q: "표준", page: String(page) }))).rows) seen.add(r.id);
    }
    expect(seen.size).toBe(pages * PAGE_SIZE);

    const narrow = await listPolicyPage(fixture.db, parsePolicyFilters({ q: "芯片" }));
    expect(narrow).toMatchObject({ total: 1, capped: false, pages: 1 });
    // The stored search text is lower-cased, so a Latin query matches regardless of case.
    await fixture.db.insert(t.policies).values(policy({ titleKo: "GPU 수출 통제", titleZh: "GPU出口管制" }));
    expect((await listPolicyPage(fixture.db, parsePolicyFilters({ q: "gpu 수출" }))).total).toBe(1);
  });
});

describe("the search query language", () => {
  const marker = "검색언어";
  const titles = {
    framework: "人工智能安全治理框架",
    plan: "国务院关于印发新一代人工智能发展规划的通知",
    therapy: "人工智能辅助治疗管理办法",
    standard: "网络安全技术 生成式人工智能服务安全基本要求",
  };
  let ids: Record<keyof typeof titles, string>;

  beforeAll(async () => {
    const rows = await fixture.db
      .insert(t.policies)
      .values([
        policy({ titleKo: `${marker} 인공지능 안전 거버넌스 프레임워크`, titleZh: titles.framework, titleEn: "AI Safety Governance Framework" }),
        policy({ titleKo: `${marker} 차세대 인공 지능 발전 계획`, titleZh: titles.plan, documentNumber: "国发〔2017〕35号" }),
        policy({ titleKo: `${marker} 인간 중심 치료 보조`, titleZh: titles.therapy, summaryText: "草案 의료 AI" }),
        policy({ titleKo: `${marker} 생성형 AI 서비스 보안 요구사항`, titleZh: titles.standard, documentNumber: "GB 45438—2025" }),
      ])
      .returning({ id: t.policies.id, titleZh: t.policies.titleZh });
    const byTitle = new Map(rows.map((r) => [r.titleZh, r.id]));
    ids = Object.fromEntries(Object.entries(titles).map(([k, v]) => [k, byTitle.get(v)!])) as typeof ids;
  });

  /** Which of this block's policies the policies filter finds for `q`. */
  const found = async (q: string) => {
    const page = await listPolicyPage(fixture.db, parsePolicyFilters({ q: `${marker} ${q}` }));
    const names = Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, k]));
    return page.rows.map((r) => names[r.id]).filter(Boolean).sort();
  };

  it.each([
    ["安全 治理", ["framework"]],
    ["人工智能 -治疗 -安全", ["plan"]],
    ['"安全治理"', ["framework"]],
    ['"治理 框架"', ["framework"]],
    ['-"生成式 人工智能"', ["framework", "plan", "therapy"]],
    ["治理", ["framework"]],
    ["ＡＩ", ["framework", "standard", "therapy"]],
    ["ai safety", ["framework"]],
    ['"safety ai"', []],
    ["國務院", ["plan"]],
    ["國務院 發展規劃", ["plan"]],
    ["인공지능", ["framework", "plan"]],
    ["인공 지능", ["framework", "plan"]],
    ['"인공 지능 발전"', ["plan"]],
    ["인공", ["framework", "plan"]],
    ["국발", []],
    ["国发〔2017〕35号", ["plan"]],
    ["国发[2017]35号", ["plan"]],
    ["国发(2017)35号", ["plan"]],
    ["國發（２０１７）３５號", ["plan"]],
    ["GB45438-2025", ["standard"]],
    ["GB 45438—2025", ["standard"]],
    ['"gb 45438-2025"', ["standard"]],
    ["安", ["framework", "standard"]],
    ["-草案", ["framework", "plan", "standard"]],
  ])("%s finds %j", async (q, expected) => {
    expect(await found(q)).toEqual(expected);
  });

  it("answers the export URLs with the same matches", async () => {
    resetRequest();
    signInAs(await createUser(fixture.db, { role: "viewer" }));
    const q = encodeURIComponent(`${marker} 國務院 -治疗 "人工 智能"`);
    const csv = parseCsv(await (await exportCsvRoute(new Request(`http://x/api/policies/export.csv?q=${q}`))).text());
    expect(csv.slice(1).map((r) => r[0])).toEqual([titles.plan]);
    const both = encodeURIComponent(`${marker} ＡＩ -"生成式"`);
    const json = (await (await exportJsonRoute(new Request(`http://x/api/policies/export.json?q=${both}`))).json()) as unknown;
    const text = JSON.stringify(json);
    expect(text).toContain(titles.framework);
    expect(text).toContain(titles.therapy);
    expect(text).not.toContain(titles.standard);
    expect(text).not.toContain(titles.plan);
  });

  it("re-indexes rows written before the normalisation, once", async () => {
    // As the migration leaves an old row: the generated lower-cased text, no version.
    const [old] = await fixture.db
      .insert(t.policies)
      .values({ titleKo: `${marker} 옛 정책`, titleZh: "國務院辦公廳關於舊政策的通知", searchText: "國務院辦公廳關於舊政策的通知 옛 정책", searchBigrams: ["國務"] })
      .returning({ id: t.policies.id });
    expect(await found("国务院办公厅")).toEqual([]);
    expect(await policiesBehindSearchIndex(fixture.db)).toBe(1);
    expect(await reindexPolicySearch(fixture.db)).toBe(1);
    expect(await reindexPolicySearch(fixture.db)).toBe(0);
    const page = await listPolicyPage(fixture.db, parsePolicyFilters({ q: `${marker} 国务院办公厅 "옛정책"` }));
    expect(page.rows.map((r) => r.id)).toEqual([old.id]);
    const [row] = await fixture.db.select({ v: t.policies.searchVersion, u: sql<number>`${t.policies.version}` }).from(t.policies).where(eq(t.policies.id, old.id));
    expect(row).toEqual({ v: SEARCH_VERSION, u: 1 });
  });
});

describe("ranking a search", () => {
  const marker = "순위검사";
  it("puts a whole title first, then title matches, then summary matches, each newest first", async () => {
    const rows = await fixture.db
      .insert(t.policies)
      .values([
        policy({ titleKo: `${marker} 요약만 새것`, summaryText: "算力 基础设施" }),
        policy({ titleKo: `${marker} 요약만 옛것`, summaryText: "算力 基础设施" }),
        policy({ titleKo: `${marker} 제목 옛것`, titleZh: "算力基础设施建设指引 (旧)" }),
        policy({ titleKo: `${marker} 제목 새것`, titleZh: "关于算力基础设施的通知" }),
        policy({ titleKo: `${marker} 전체 제목`, titleZh: "算力基础设施" }),
      ].map((p, i) => ({ ...p, announcedOn: ["2025-05-01", "2020-01-01", "2021-01-01", "2024-01-01", "2019-01-01"][i] })))
      .returning({ id: t.policies.id, titleKo: t.policies.titleKo });
    const name = new Map(rows.map((r) => [r.id, r.titleKo.replace(`${marker} `, "")]));
    const order = async (q: string, sort?: string) =>
      (await listPolicyPage(fixture.db, parsePolicyFilters({ q, sort }))).rows.map((r) => name.get(r.id)).filter(Boolean);
    expect(await order("算力基础设施")).toEqual(["전체 제목", "제목 새것", "제목 옛것", "요약만 새것", "요약만 옛것"]);
    // Traditional script and spacing do not change the rank; an explicit sort is kept.
    expect(await order("算力 基礎設施")).toEqual(["전체 제목", "제목 새것", "제목 옛것", "요약만 새것", "요약만 옛것"]);
    expect(await order("算力基础设施", "announced_asc")).toEqual(["전체 제목", "요약만 옛것", "제목 옛것", "제목 새것", "요약만 새것"]);
  });
});
