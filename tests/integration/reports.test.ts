import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { addDays, todayIn } from "@/lib/format";
import { buildReportContent } from "@/lib/reports/build";
import type { ReportContent } from "@/lib/reports/content";
import { escapeMarkdown } from "@/lib/reports/markdown";
import { reportOutline } from "@/lib/reports/outline";
import { presetPeriod } from "@/lib/reports/period";
import { sendDueWeeklyReports } from "@/lib/reports/weekly";
import { reportSections } from "@/lib/vocab";
import { createFramework, createImpactRow, createPolicy, createResponseItem, createUser, tagItem, tagPolicy, type UserFixture } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const actions = await import("@/app/(workspace)/reports/actions");
const profile = await import("@/app/(workspace)/profile/actions");
const route = await import("@/app/api/reports/[file]/route");

const t = withFreshDatabase();
let admin: UserFixture;
let editor: UserFixture;
let otherEditor: UserFixture;
let viewer: UserFixture;

const today = todayIn();
const from = addDays(today, -6);
const longAgo = new Date("2020-01-15T03:00:00Z");
const note = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }) as schema.RichTextDoc;
const TITLE_KO = "생성형 AI 콘텐츠 표시 방법 *시행*";
// The real title. (pdftotext puts a space where a run of Latin digits meets Chinese, as in "2 号":
// an artifact of its word guessing, so document numbers are not compared here.)
const TITLE_ZH = "人工智能生成合成内容标识办法";

let fixtures: {
  covered: { id: string };
  blind: { id: string };
  policy: schema.Policy;
  blindPolicy: schema.Policy;
  oldPolicy: schema.Policy;
  item: schema.ResponseItem;
  dueItem: schema.ResponseItem;
  annotationId: string;
};

type Result = { ok: boolean; status?: number; reportId?: string; fieldErrors?: Record<string, string[]> };
async function as(user: UserFixture, fn: (input: never) => Promise<unknown>, input: unknown): Promise<Result> {
  resetRequest();
  signInAs(user);
  return (await fn(input as never)) as Result;
}

async function download(user: UserFixture, file: string, query = "") {
  resetRequest();
  signInAs(user);
  return route.GET(new Request(`http://localhost/api/reports/${file}${query}`), { params: Promise.resolve({ file }) });
}

beforeAll(async () => {
  await seedDatabase(t.db, { adminPassword: "seeded-admin-pw" });
  [admin, editor, otherEditor, viewer] = [
    await createUser(t.db, { role: "admin" }),
    await createUser(t.db, { role: "editor" }),
    await createUser(t.db, { role: "editor" }),
    await createUser(t.db, { role: "viewer" }),
  ];
  const { nodes } = await createFramework(t.db, 3);
  const [body] = await t.db.insert(schema.issuingBodies).values({ nameZh: "测试报告部门", nameKo: "시험 보고 부처", nameEn: "Test bureau" }).returning();
  const policy = await createPolicy(t.db, { titleKo: TITLE_KO, titleZh: TITLE_ZH, documentNumber: "国信办通字〔2025〕2号", announcedOn: today, relation: "extends", summaryText: "표시 의무 | 표 *강조*" });
  await t.db.insert(schema.policyIssuingBodies).values({ policyId: policy.id, issuingBodyId: body.id });
  await tagPolicy(t.db, policy.id, [nodes[0].id]);
  const blindPolicy = await createPolicy(t.db, { titleKo: "공백 정책", titleZh: "空白政策", announcedOn: from });
  await tagPolicy(t.db, blindPolicy.id, [nodes[1].id]);
  const oldPolicy = await createPolicy(t.db, { titleKo: "오래된 정책", announcedOn: "2019-05-01", createdAt: longAgo, updatedAt: longAgo });
  await tagPolicy(t.db, oldPolicy.id, [nodes[2].id]);
  const item = await createResponseItem(t.db, { title: "표시 제도 대응", ownerId: editor.id, status: "in_progress" });
  await tagItem(t.db, item.id, [nodes[0].id]);
  const impact = await createImpactRow(t.db, { policyId: policy.id, responseItemId: item.id, createdById: editor.id, note: "검토 필요" });
  const [update] = await t.db
    .insert(schema.progressUpdates)
    .values({ responseItemId: item.id, authorId: editor.id, body: "착수했습니다", statusBefore: "not_started", statusAfter: "in_progress" })
    .returning();
  await t.db.update(schema.impacts).set({ acknowledgedAt: new Date(), acknowledgedById: editor.id, acknowledgedByUpdateId: update.id }).where(eq(schema.impacts.id, impact.id));
  const dueItem = await createResponseItem(t.db, { title: "기한 임박 과제", dueOn: addDays(today, 3) });
  await createResponseItem(t.db, { title: "끝난 과제", dueOn: addDays(today, -3), status: "done" });
  const [brief] = await t.db.select().from(schema.briefs).limit(1);
  const [annotation] = await t.db
    .insert(schema.annotations)
    .values({ briefId: brief.id, revisionId: brief.currentRevisionId as string, selector: { quote: "AI 표준", prefix: "", suffix: "", start: 0, end: 5 }, body: note("표준 경쟁 메모"), bodyText: "표준 경쟁 메모", authorId: editor.id })
    .returning();
  await t.db
    .insert(schema.annotations)
    .values({ briefId: brief.id, revisionId: brief.currentRevisionId as string, selector: { quote: "비공개", prefix: "", suffix: "", start: 0, end: 3 }, body: note("나만의 메모"), bodyText: "나만의 메모", authorId: editor.id, isPrivate: true });
  fixtures = { covered: nodes[0], blind: nodes[1], policy, blindPolicy, oldPolicy, item, dueItem, annotationId: annotation.id };
});

describe("period report content", () => {
  let content: ReportContent;
  beforeAll(async () => {
    content = await buildReportContent(t.db, { from, to: today, language: "ko", sections: reportSections });
  });

  it("lists new policies under their dimension and node, with every field, and leaves older ones out", () => {
    const nodes = content.policies?.dimensions.flatMap((d) => d.nodes) ?? [];
    const covered = nodes.find((n) => n.id === fixtures.covered.id);
    expect(covered?.policies).toEqual([
      {
        id: fixtures.policy.id,
        change: "new",
        titleKo: TITLE_KO,
        titleZh: TITLE_ZH,
        issuers: ["시험 보고 부처"],
        documentNumber: "国信办通字〔2025〕2号",
        announcedOn: today,
        relation: "extends",
        summary: "표시 의무 | 표 *강조*",
      },
    ]);
    const all = JSON.stringify(content.policies);
    expect(all).not.toContain(fixtures.oldPolicy.id);
    // The seeded policies were logged today: new in this period, and under the seeded framework.
    expect(content.policies?.total).toBeGreaterThanOrEqual(9);
  });

  it("counts a policy edited in the period as changed", async () => {
    const [edited] = await t.db.insert(schema.policies).values({ titleKo: "고친 정책", createdAt: longAgo, announcedOn: "2019-01-01" }).returning();
    const again = await buildReportContent(t.db, { from, to: today, language: "ko", sections: ["policies"] });
    expect(again.policies?.untagged.find((p) => p.id === edited.id)?.change).toBe("changed");
    await t.db.update(schema.policies).set({ deletedAt: new Date() }).where(eq(schema.policies.id, edited.id));
  });

  it("names nodes with new policies and no item as blind spots", () => {
    const ids = content.blindSpots?.map((b) => b.nodeId) ?? [];
    expect(ids).toContain(fixtures.blind.id);
    expect(ids).not.toContain(fixtures.covered.id);
    expect(content.blindSpots?.find((b) => b.nodeId === fixtures.blind.id)).toMatchObject({ label: "노드 1", dimension: "차원", policyCount: 1 });
  });

  it("lists impacts raised and acknowledged, items whose status changed with their updates, and items due soon", () => {
    expect(content.impacts?.raised.map((i) => i.itemId)).toContain(fixtures.item.id);
    expect(content.impacts?.acknowledged.find((i) => i.itemId === fixtures.item.id)).toMatchObject({ note: "검토 필요", policyTitle: TITLE_KO });
    const changed = content.items?.statusChanged.find((i) => i.id === fixtures.item.id);
    expect(changed?.updates).toEqual([expect.objectContaining({ body: "착수했습니다", statusBefore: "not_started", statusAfter: "in_progress" })]);
    const due = content.items?.due.map((i) => i.title) ?? [];
    expect(due).toContain("기한 임박 과제");
    expect(due).not.toContain("끝난 과제");
  });

  it("lists annotation threads opened, never private notes", () => {
    expect(content.annotations?.opened.map((a) => a.id)).toContain(fixtures.annotationId);
    expect(JSON.stringify(content.annotations)).not.toContain("나만의 메모");
  });

  it("is written in the language chosen, whatever the reader's", async () => {
    const en = await buildReportContent(t.db, { from, to: today, language: "en", sections: ["blind_spots"] });
    expect(en.blindSpots?.find((b) => b.nodeId === fixtures.blind.id)).toMatchObject({ label: "Node 1", dimension: "Dimension" });
    const outline = reportOutline({ title: "Weekly", authorName: null, generatedAt: null }, en);
    expect(outline.map((b) => ("text" in b ? b.text : ""))).toContain("Blind spots");
    expect(outline).not.toContainEqual(expect.objectContaining({ text: "공백 영역" }));
  });
});

describe("saved reports", () => {
  it("are frozen: editing a policy afterwards leaves the saved report unchanged", async () => {
    const result = await as(editor, actions.generateReportAction, { from, to: today, language: "ko", sections: [...reportSections] });
    expect(result.ok).toBe(true);
    const [before] = await t.db.select().from(schema.reports).where(eq(schema.reports.id, result.reportId as string));
    expect(before.title).toBe(`기간 보고서 ${from} ~ ${today}`);
    await t.db.update(schema.policies).set({ titleKo: "바뀐 제목", version: 2 }).where(eq(schema.policies.id, fixtures.policy.id));
    const [after] = await t.db.select().from(schema.reports).where(eq(schema.reports.id, result.reportId as string));
    expect(after.content).toEqual(before.content);
    expect(JSON.stringify(after.content)).toContain(TITLE_KO);
    const markdown = await (await download(viewer, `${result.reportId}.md`)).text();
    expect(markdown).toContain(escapeMarkdown(TITLE_KO));
    expect(markdown).not.toContain("바뀐 제목");
    await t.db.update(schema.policies).set({ titleKo: TITLE_KO }).where(eq(schema.policies.id, fixtures.policy.id));
  });

  it("records the generation and the deletion in the activity", async () => {
    const result = await as(editor, actions.generateReportAction, { title: "주간 브리핑", from, to: today, language: "en", sections: "policies" });
    expect(result.ok).toBe(true);
    const id = result.reportId as string;
    expect((await as(otherEditor, actions.deleteReportAction, { id })).status).toBe(403);
    expect((await as(viewer, actions.deleteReportAction, { id })).status).toBe(403);
    expect((await as(editor, actions.deleteReportAction, { id })).ok).toBe(true);
    const entries = await t.db.select({ action: schema.activity.action }).from(schema.activity).where(and(eq(schema.activity.entityType, "report"), eq(schema.activity.entityId, id)));
    expect(entries.map((e) => e.action).sort()).toEqual(["report.deleted", "report.generated"]);
    const other = await as(otherEditor, actions.generateReportAction, { from, to: today, language: "ko", sections: "items" });
    expect((await as(admin, actions.deleteReportAction, { id: other.reportId })).ok).toBe(true);
  });

  it("refuses a viewer and bad periods, naming the field", async () => {
    expect((await as(viewer, actions.generateReportAction, { from, to: today, language: "ko", sections: "policies" })).status).toBe(403);
    const reversed = await as(editor, actions.generateReportAction, { from: today, to: from, language: "ko", sections: "policies" });
    expect(reversed.fieldErrors?.to).toEqual(["종료일은 시작일과 같거나 뒤여야 합니다."]);
    const bad = await as(editor, actions.generateReportAction, { from: "2025-02-30", to: today, language: "ko" });
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["from", "sections"]);
  });
});

describe("downloads", () => {
  it("answers 400 with the field for a bad period, 404 for an unknown report", async () => {
    const bad = await download(viewer, "period.md", "?from=2025-13-01&to=2025-01-31");
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors)).toEqual(["from"]);
    expect((await download(viewer, "period.docx", "?from=2025-02-01")).status).toBe(400);
    expect((await download(viewer, "00000000-0000-4000-8000-000000000000.md")).status).toBe(404);
    expect((await download(viewer, "report.pdf")).status).toBe(404);
  });

  it("escapes Markdown so titles and summaries read literally", async () => {
    const response = await download(viewer, "period.md", `?from=${from}&to=${today}&language=ko`);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = await response.text();
    expect(text).toContain(`[생성형 AI 콘텐츠 표시 방법 \\*시행\\*](<http://localhost/policies/${fixtures.policy.id}>)`);
    expect(text).toContain("표시 의무 \\| 표 \\*강조\\*");
    expect(text).toMatch(/^# 기간 보고서/);
  });

  it("opens in LibreOffice: the PDF has the Korean and Chinese titles exactly, the DOCX a heading outline", { timeout: 180_000 }, async () => {
    if (!hasSoffice()) {
      if (process.env.CI === "true") throw new Error("soffice is required on CI (apt-get install libreoffice-writer)");
      return;
    }
    const response = await download(viewer, "period.docx", `?from=${from}&to=${today}&language=ko`);
    expect(response.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-docx-"));
    const file = path.join(dir, "report.docx");
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const xml = execFileSync("unzip", ["-p", file, "word/document.xml"]).toString("utf8");
    const styles = execFileSync("unzip", ["-p", file, "word/styles.xml"]).toString("utf8");
    // (Booleans, not toContain: a failure would print the whole document.)
    for (const style of ["Heading1", "Heading2", "Heading3", "Heading4"]) expect(xml.includes(`<w:pStyle w:val="${style}"/>`), style).toBe(true);
    expect(xml.includes("<w:tbl>")).toBe(true);
    expect(styles.includes('w:eastAsia="Noto Sans CJK KR"')).toBe(true);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 150_000, stdio: "ignore" });
    const text = execFileSync("pdftotext", [path.join(dir, "report.pdf"), "-"]).toString("utf8");
    expect(text).toContain(TITLE_ZH);
    expect(text).toContain("생성형 AI 콘텐츠 표시 방법 *시행*");
    expect(text).toContain("새 정책과 바뀐 정책");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("the weekly report", () => {
  it("is mailed to subscribers on Monday at their digest time, once, from one saved report per week and language", async () => {
    const subscriber = await createUser(t.db, { role: "viewer", locale: "en" });
    resetRequest();
    signInAs(subscriber);
    const saved = (await profile.setNotificationPreferencesAction({ digestTime: "08:00", digestTimeZone: "Asia/Seoul", digestFrequency: "daily", weeklyReport: "on" })) as Result;
    expect(saved.ok).toBe(true);
    // 2026-12-07 is a Monday: 07:30 in Seoul is before the digest time, 09:30 after it.
    expect(await sendDueWeeklyReports({ now: new Date("2026-12-06T22:30:00Z") })).toBe(0);
    expect(await sendDueWeeklyReports({ now: new Date("2026-12-07T00:30:00Z") })).toBe(1);
    expect(await sendDueWeeklyReports({ now: new Date("2026-12-07T03:30:00Z") })).toBe(0);
    expect(await sendDueWeeklyReports({ now: new Date("2026-12-08T00:30:00Z") })).toBe(0); // Tuesday
    const weekly = await t.db.select().from(schema.reports).where(and(eq(schema.reports.periodFrom, "2026-11-30"), eq(schema.reports.periodTo, "2026-12-06")));
    expect(weekly.map((r) => [r.language, r.authorId, r.title])).toEqual([["en", null, "Weekly report 2026-11-30 – 2026-12-06"]]);
    const mails = await t.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.userId, subscriber.id));
    expect(mails.map((m) => [m.kind, m.subject])).toEqual([["weekly_report", "Weekly report 2026-11-30 – 2026-12-06"]]);
    expect(mails[0].textBody).toContain(`/reports/${weekly[0].id}`);
  });
});

describe("presets", () => {
  it("fill the last 7 days, last month and since the last report", () => {
    expect(presetPeriod("last_7_days", { today: "2026-03-10" })).toEqual({ from: "2026-03-04", to: "2026-03-10" });
    expect(presetPeriod("last_month", { today: "2026-03-10" })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetPeriod("since_last_report", { today: "2026-03-10", lastReportTo: "2026-03-01" })).toEqual({ from: "2026-03-02", to: "2026-03-10" });
    expect(presetPeriod("since_last_report", { today: "2026-03-10", lastReportTo: null })).toBeNull();
  });
});

function hasSoffice(): boolean {
  try {
    execFileSync("which", ["soffice"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
