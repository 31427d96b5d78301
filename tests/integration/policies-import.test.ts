import { readFileSync } from "node:fs";
import { count, eq, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { type DatabaseHandle, setDatabase } from "@/db/client";
import { translator } from "@/lib/i18n/catalog";
import { CSV_COLUMNS, parseCsv } from "@/lib/policies/csv";
import { exportPolicies, policiesCsv } from "@/lib/policies/export-policies";
import { parsePolicyFilters } from "@/lib/policies/filters";
import { importPolicies } from "@/lib/policies/import-policies";
import { createUser, type UserFixture } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { freshDatabase, withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const actions = await import("@/app/(workspace)/policies/actions");
const { GET: exportCsvRoute } = await import("@/app/api/policies/export.csv/route");

const t = withFreshDatabase();
const ko = translator("ko");
let editor: UserFixture;
let viewer: UserFixture;

beforeAll(async () => {
  await seedDatabase(t.db, { adminPassword: "seeded-admin-pw" });
  editor = await createUser(t.db, { role: "editor" });
  viewer = await createUser(t.db, { role: "viewer" });
});
beforeEach(() => resetRequest());

const policyCount = async () => (await t.db.select({ n: count() }).from(schema.policies).where(isNull(schema.policies.deletedAt)))[0].n;
const header = CSV_COLUMNS.join(",");

const file = (rows: string[], bom = false) => `${bom ? "\uFEFF" : ""}${header}\r\n${rows.join("\r\n")}\r\n`;
const good1 = `数据标注产业发展行动计划,데이터 라벨링 산업 발전 행동계획,,国家发展和改革委员会; MIIT,发改数据〔2025〕1号,plan,issued,2025-01,,https://www.ndrc.gov.cn/x,투자; AI 표준 및 거버넌스 경쟁의 심화,extends,"첫 줄, 쉼표
둘째 줄 ‘인용’ ․ 점"`;
const good2 = `人工智能生成合成内容标识办法,인공지능 생성 합성 콘텐츠 표시 방법,Measures for Labeling AI-Generated Content,CAC,国信办通字〔2025〕2号,departmental_rule,in_force,2025-03-14,2025-09-01,,규제,confirms,`;
const invalid = `,제목만 있음,,,,,,,,ftp://example.org,없는 노드,,`;
const duplicate = `生成式人工智能服务管理暂行办法,생성형 인공지능 서비스 관리 장정 조례,,,,,,2023-07,,,,,`;

describe("import", () => {
  it("refuses viewers (403) and anonymous visitors (401)", async () => {
    expect(await actions.importPoliciesAction({ csv: file([good1]), dryRun: false })).toMatchObject({ ok: false, status: 401 });
    signInAs(viewer);
    expect(await actions.importPoliciesAction({ csv: file([good1]), dryRun: false })).toMatchObject({ ok: false, status: 403 });
  });

  it("dry run reports what would be created, duplicates and invalid rows with reasons, and writes nothing", async () => {
    const before = await policyCount();
    signInAs(editor);
    const result = await actions.importPoliciesAction({ csv: file([good1, invalid, duplicate], true), dryRun: true });
    expect(result.ok).toBe(true);
    const { report } = result as { report: Awaited<ReturnType<typeof importPolicies>> };
    expect(report.rows).toBe(3);
    expect(report.toCreate).toEqual([{ line: 2, titleKo: "데이터 라벨링 산업 발전 행동계획" }]);
    expect(report.duplicates).toMatchObject([{ line: 4, existing: [{ titleKo: "생성형 인공지능 서비스 관리 장정 조례" }] }]);
    expect(report.invalid).toHaveLength(1);
    expect(report.invalid[0].line).toBe(3);
    expect(report.invalid[0].errors.join(" ")).toContain("없는 노드");
    expect(report.invalid[0].errors.join(" ")).toContain("중국어 원문 제목");
    expect(report.invalid[0].errors.join(" ")).toContain("http://");
    expect(report.created).toBe(0);
    expect(await policyCount()).toBe(before);
  });

  it("writes nothing when any row is invalid (all or nothing)", async () => {
    const before = await policyCount();
    signInAs(editor);
    const result = await actions.importPoliciesAction({ csv: file([good1, good2, invalid]), dryRun: false });
    expect(result).toMatchObject({ ok: true, report: { created: 0, invalid: [{ line: 4 }] } });
    expect(await policyCount()).toBe(before);
  });

  it("refuses a file with unknown columns", async () => {
    signInAs(editor);
    const result = await actions.importPoliciesAction({ csv: "title_zh,title_ko,colour\n一,하나,red\n", dryRun: true });
    expect(result).toMatchObject({ ok: true, report: { fileError: expect.stringContaining("title_zh") } });
  });

  it("commits valid rows in one go, skipping duplicates, keeping month precision and the text as typed", async () => {
    const before = await policyCount();
    signInAs(editor);
    const result = await actions.importPoliciesAction({ csv: file([good1, good2, duplicate], true), dryRun: false });
    expect(result).toMatchObject({ ok: true, report: { created: 2, duplicates: [{ line: 4 }] } });
    expect(await policyCount()).toBe(before + 2);
    const exported = await exportPolicies(t.db, parsePolicyFilters({ q: "라벨링" }));
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      announced_on: "2025-01",
      issuing_bodies: "国家发展和改革委员会; 工业和信息化部",
      framework_nodes: "투자; AI 표준 및 거버넌스 경쟁의 심화",
      summary: "첫 줄, 쉼표\n둘째 줄 ‘인용’ ․ 점",
    });
  });
});

describe("export", () => {
  it("needs a session and follows the screen's filters", async () => {
    expect((await exportCsvRoute(new Request("http://x/api/policies/export.csv"))).status).toBe(401);
    signInAs(viewer);
    const response = await exportCsvRoute(new Request(`http://x/api/policies/export.csv?q=${encodeURIComponent("표준")}`));
    expect(response.status).toBe(200);
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(["국가 인공지능 산업 종합 표준화 체계구축 지침(2024년 개정판)", "국가 차세대 인공지능 표준화 체계 구축 지침"].sort());
  });

  it("round trip: export → import into a database without policies → export gives the same file", async () => {
    // Every field the import reads is in the export: significance, last checked, passages — and a
    // title a spreadsheet would run as a formula, neutralised in the file and restored on import.
    const [target] = await t.db.select().from(schema.policies).where(isNull(schema.policies.deletedAt)).limit(1);
    const formulaTitle = '=HYPERLINK("http://x") 수식처럼 보이는 제목';
    await t.db.update(schema.policies).set({ titleKo: formulaTitle, significance: "high", lastCheckedOn: "2026-11-30" }).where(eq(schema.policies.id, target.id));
    const first = policiesCsv(await exportPolicies(t.db, parsePolicyFilters({})));
    expect(first).toContain(`"'=HYPERLINK(""http://x"") 수식처럼 보이는 제목"`);
    expect(first).not.toMatch(/[\r\n,]=/);
    const withPassages = parseCsv(first).slice(1).filter((r) => r[CSV_COLUMNS.indexOf("passages")] !== "");
    const source = t.handle;
    let other: DatabaseHandle | undefined;
    try {
      other = await freshDatabase();
      await seedDatabase(other.db, { adminPassword: "other-admin-pw" });
      // Same framework and bodies, no policies: the seed's own rows go.
      for (const table of [schema.policyPassages, schema.policyFrameworkNodes, schema.policyIssuingBodies]) await other.db.delete(table);
      await other.db.delete(schema.policies);
      const admin = await createUser(other.db, { role: "admin" });
      const report = await importPolicies({ actor: { ...admin, locale: "ko" }, csv: first, dryRun: false, t: ko });
      expect(report.invalid).toEqual([]);
      expect(report.duplicates).toEqual([]);
      const second = policiesCsv(await exportPolicies(other.db, parsePolicyFilters({})));
      expect(second).toBe(first);
      const [copy] = await other.db.select().from(schema.policies).where(eq(schema.policies.titleKo, formulaTitle));
      expect(copy).toMatchObject({ significance: "high", lastCheckedOn: "2026-11-30" });
      expect(withPassages.length).toBeGreaterThan(0);
      expect((await other.db.select({ n: count() }).from(schema.policyPassages))[0].n).toBe(withPassages.reduce((n, r) => n + r[CSV_COLUMNS.indexOf("passages")].split("\n").length, 0));
    } finally {
      setDatabase(source);
      await other?.close();
    }
  });
});

describe("files people actually have", () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
  const bodyNamed = async (nameZh: string) => (await t.db.select().from(schema.issuingBodies).where(eq(schema.issuingBodies.nameZh, nameZh)))[0];

  it("a CP949 file (Korean Excel) is read, its unknown issuer created, its repeated row reported as a duplicate of the first", async () => {
    signInAs(editor);
    const preview = await importPolicies({ actor: { ...editor, locale: "ko" }, bytes: fixture("policies-cp949.csv"), dryRun: true, t: ko });
    expect(preview).toMatchObject({ encoding: "CP949 (EUC-KR)", newBodies: ["公安部"], invalid: [], toCreate: [{ line: 2, titleKo: "인공지능 안전 거버넌스 프레임워크" }] });
    expect(preview.duplicates).toEqual([{ line: 3, titleKo: "인공지능 안전 거버넌스 프레임워크", existing: [{ line: 2, titleKo: "인공지능 안전 거버넌스 프레임워크", reason: "title" }] }]);
    expect(await bodyNamed("公安部")).toBeUndefined();
    const done = await importPolicies({ actor: { ...editor, locale: "ko" }, bytes: fixture("policies-cp949.csv"), dryRun: false, t: ko });
    expect(done.created).toBe(1);
    const body = await bodyNamed("公安部");
    expect(body).toMatchObject({ nameZh: "公安部", nameKo: "" });
    const links = await t.db.select().from(schema.policyIssuingBodies).where(eq(schema.policyIssuingBodies.issuingBodyId, body.id));
    expect(links).toHaveLength(1);
  });

  it("GB18030 and UTF-16 files are read; issuer names match whatever their width and spacing", async () => {
    signInAs(editor);
    const gb = await importPolicies({ actor: { ...editor, locale: "ko" }, bytes: fixture("policies-gb18030.csv"), dryRun: true, t: ko });
    // "国 务 院" is the known 国务院; 国家市场监督管理总局 is new.
    expect(gb).toMatchObject({ encoding: "GB18030", newBodies: ["国家市场监督管理总局"], invalid: [], toCreate: [{ line: 2 }] });
    const utf16 = await importPolicies({ actor: { ...editor, locale: "ko" }, bytes: fixture("policies-utf16.csv"), dryRun: true, t: ko });
    expect(utf16).toMatchObject({ encoding: "UTF-16 LE", newBodies: [], invalid: [], toCreate: [{ line: 2, titleKo: "연산 인프라 고품질 발전 행동계획" }] });
    const wide = await importPolicies({ actor: { ...editor, locale: "ko" }, csv: file(["全角测试政策,전각 시험 정책,,ＣＡＣ,,plan,issued,2025-05,,,,,"]), dryRun: true, t: ko });
    expect(wide).toMatchObject({ newBodies: [], invalid: [], toCreate: [{ line: 2 }] });
  });

  it("an unknown framework node stays an error, with the nearest label as a suggestion", async () => {
    const report = await importPolicies({ actor: { ...editor, locale: "ko" }, csv: file(["节点测试政策,노드 시험 정책,,国务院,,plan,issued,2025-05,,,AI 표준 및 거버넌스 경쟁 심화,,"]), dryRun: true, t: ko });
    expect(report.invalid).toHaveLength(1);
    expect(report.invalid[0].errors.join(" ")).toContain("혹시 ‘AI 표준 및 거버넌스 경쟁의 심화’");
  });

  it("the action takes the uploaded file itself", async () => {
    signInAs(editor);
    const form = new FormData();
    form.set("file", new Blob([fixture("policies-utf16.csv")]), "policies.csv");
    form.set("dryRun", "1");
    expect(await actions.importPoliciesAction(form)).toMatchObject({ ok: true, report: { encoding: "UTF-16 LE", toCreate: [{ line: 2 }] } });
  });
});
