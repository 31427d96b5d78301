import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { verifyPassword } from "@/lib/auth/password";
import { withFreshDatabase } from "./harness";

const tally = async (db: ReturnType<typeof withFreshDatabase>["db"], table: Parameters<ReturnType<ReturnType<typeof withFreshDatabase>["db"]["select"]>["from"]>[0]) => {
  const [row] = await db.select({ n: count() }).from(table);
  return row.n;
};

describe("seed", () => {
  const t0 = withFreshDatabase();

  it("fills an empty database with the brief, framework, Table 1 and the response items", async () => {
    const result = await seedDatabase(t0.db, { adminEmail: "Lead@Example.test", adminPassword: "correct horse battery" });
    expect(result).toEqual({ seeded: true, adminEmail: "lead@example.test", generatedPassword: null });

    expect(await tally(t0.db, t.briefs)).toBe(1);
    expect(await tally(t0.db, t.briefRevisions)).toBe(1);
    expect(await tally(t0.db, t.frameworkDimensions)).toBe(3);
    expect(await tally(t0.db, t.frameworkNodes)).toBe(11);
    expect(await tally(t0.db, t.policies)).toBe(7);
    expect(await tally(t0.db, t.responseItems)).toBe(6);

    const [admin] = await t0.db.select().from(t.users);
    expect(admin.role).toBe("admin");
    expect(await verifyPassword(admin.passwordHash, "correct horse battery")).toBe(true);
  });

  it("keeps the summary once, Table 1 as a table, the outline, and drops the page furniture", async () => {
    const [revision] = await t0.db.select().from(t.briefRevisions);
    const text = revision.plainText;
    const once = (needle: string) => text.split(needle).length - 1;
    expect(once("중국은 생성형 AI 특허 출원에서 압도적인 1위를 기록하며")).toBe(1);
    expect(once("민간 주도의 기술혁신을 뒷받침할 수 있도록 자금․세제․규제 완화 정책 필요")).toBe(1);
    expect(text).toContain("‘딥시크(DeepSeek)’");
    expect(text).not.toContain("해시태그");
    expect(text).not.toContain("AI 100자 요약·번역서비스");
    expect(text).toContain("4. 정책적 시사점 및 대응 과제");
    const tables = revision.doc.content!.filter((node) => (node as { type: string }).type === "table");
    expect(tables).toHaveLength(2);
    // Table 1: a header row and one row per policy.
    expect((tables[0] as { content: unknown[] }).content).toHaveLength(8);
  });

  it("ties every response item to its verbatim sentence in the brief, and to framework nodes", async () => {
    const [revision] = await t0.db.select().from(t.briefRevisions);
    const items = await t0.db.select().from(t.responseItems).orderBy(t.responseItems.number);
    expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const item of items) {
      expect(item.ownerId).toBeNull();
      expect(item.status).toBe("not_started");
      expect(revision.plainText.slice(item.passage!.start, item.passage!.end)).toBe(item.title);
      const [links] = await t0.db.select({ n: count() }).from(t.responseItemFrameworkNodes).where(eq(t.responseItemFrameworkNodes.responseItemId, item.id));
      expect(links.n).toBeGreaterThan(0);
    }
  });

  it("gives every Table 1 policy its category, month, Korean and Chinese titles", async () => {
    const rows = await t0.db
      .select({ titleKo: t.policies.titleKo, titleZh: t.policies.titleZh, announcedOn: t.policies.announcedOn, category: t.frameworkNodes.labelKo })
      .from(t.policies)
      .innerJoin(t.policyFrameworkNodes, eq(t.policyFrameworkNodes.policyId, t.policies.id))
      .innerJoin(t.frameworkNodes, eq(t.frameworkNodes.id, t.policyFrameworkNodes.nodeId))
      .innerJoin(t.frameworkDimensions, eq(t.frameworkDimensions.id, t.frameworkNodes.dimensionId))
      .where(eq(t.frameworkDimensions.key, "policy_area"));
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r.titleKo.startsWith("생성형 인공지능"))).toMatchObject({
      category: "표준 및 규제",
      announcedOn: "2023-07-01",
      titleZh: "生成式人工智能服务管理暂行办法",
    });
  });

  it("never touches a database that already has data", async () => {
    const before = await t0.db.select({ id: t.users.id, hash: t.users.passwordHash }).from(t.users);
    expect(await seedDatabase(t0.db, { adminPassword: "another password!" })).toEqual({ seeded: false });
    expect(await t0.db.select({ id: t.users.id, hash: t.users.passwordHash }).from(t.users)).toEqual(before);
    expect(await tally(t0.db, t.policies)).toBe(7);
  });

  it("keeps the activity log append-only", async () => {
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => "allowed",
        (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message),
      );
    expect(await refusal(t0.db.execute(sql`update activity set action = 'tampered'`))).toMatch(/append-only/);
    expect(await refusal(t0.db.execute(sql`delete from activity`))).toMatch(/append-only/);
    expect(await tally(t0.db, t.activity)).toBeGreaterThan(0);
  });
});

describe("seed without ADMIN_PASSWORD", () => {
  const t1 = withFreshDatabase();

  it("generates a password that works, once", async () => {
    const result = await seedDatabase(t1.db);
    if (!result.seeded) throw new Error("expected a seed");
    expect(result.adminEmail).toBe("admin@policy-desk.local");
    expect(result.generatedPassword).toMatch(/^[\w-]{16}$/);
    const [admin] = await t1.db.select().from(t.users);
    expect(await verifyPassword(admin.passwordHash, result.generatedPassword!)).toBe(true);
  });
});
