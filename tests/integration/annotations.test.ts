import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as schema from "@/db/schema";
import { createBrief, createFramework, createPolicy, createUser, type UserFixture } from "../factories";
import { form, resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const actions = await import("@/app/(records)/brief/actions");
const { listAnnotationsOnRevision } = await import("@/lib/annotations/queries");
const exportMd = await import("@/app/api/briefs/[id]/export.md/route");
const exportJson = await import("@/app/api/briefs/[id]/annotations.json/route");

const t = withFreshDatabase();
beforeEach(() => resetRequest());

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const p = (...content: Json[]): Json => ({ type: "paragraph", content });
const doc = (...content: Json[]) => ({ type: "doc", content }) as schema.RichTextDoc;

const quote = "600억 위안(약 8.2억 달러)";
const paragraphs = [
  "□ 중국은 2017년 ‘차세대 인공지능 발전계획’을 발표함",
  `- 정부는 ${quote} 규모의 국가 AI 산업투자기금을 조성함`,
  "- 민간․오픈 소스 기반 글로벌 AI 생태계의 재편이 전개 중임",
];
const briefDoc = (...lines: string[]) => doc(...lines.map((line) => p(text(line))));
const note = (body: string) => JSON.stringify(doc(p(text(body))));

async function setup() {
  const { brief, revision } = await createBrief(t.db, briefDoc(...paragraphs));
  const [editor, other, viewer] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "viewer" })];
  return { brief, revision, editor, other, viewer };
}

function createFields(revision: { id: string; plainText: string }, passage = quote, extra: Record<string, string | number> = {}) {
  const start = revision.plainText.indexOf(passage);
  return { revisionId: revision.id, start, end: start + passage.length, quote: passage, body: note("투자 규모 확인"), tags: "투자, #비교 ", ...extra };
}

async function annotate(user: UserFixture, revision: { id: string; plainText: string }, extra: Record<string, string | number> = {}, passage = quote) {
  signInAs(user);
  const result = await actions.createAnnotationAction(form(createFields(revision, passage, extra)));
  if (!result.ok) throw new Error(`create failed: ${result.formError} ${JSON.stringify(result.fieldErrors)}`);
  return result;
}

/** Everything an annotation action could write. */
async function snapshot() {
  const n = async (table: Parameters<typeof t.db.select>[0] extends never ? never : Parameters<ReturnType<typeof t.db.select>["from"]>[0]) =>
    (await t.db.select({ n: count() }).from(table))[0].n;
  return {
    annotations: await t.db.select().from(schema.annotations).orderBy(schema.annotations.id),
    anchors: await n(schema.annotationAnchors),
    links: await n(schema.annotationLinks),
    items: await n(schema.responseItems),
    revisions: await n(schema.briefRevisions),
    briefs: await t.db.select({ v: schema.briefs.version, r: schema.briefs.currentRevisionId }).from(schema.briefs).orderBy(schema.briefs.id),
    activity: await n(schema.activity),
    notifications: await n(schema.notifications),
  };
}

const guarded: { name: string; call: (ctx: Awaited<ReturnType<typeof setup>> & { annotationId: string; version: number; policyId: string }) => Promise<{ ok: boolean }> }[] = [
  { name: "createAnnotationAction", call: (c) => actions.createAnnotationAction(form(createFields(c.revision))) },
  { name: "editAnnotationAction", call: (c) => actions.editAnnotationAction(form({ annotationId: c.annotationId, version: c.version, body: note("고침") })) },
  { name: "deleteAnnotationAction", call: (c) => actions.deleteAnnotationAction(form({ annotationId: c.annotationId, version: c.version })) },
  { name: "resolveAnnotationAction", call: (c) => actions.resolveAnnotationAction(form({ annotationId: c.annotationId, version: c.version })) },
  { name: "reopenAnnotationAction", call: (c) => actions.reopenAnnotationAction(form({ annotationId: c.annotationId, version: c.version })) },
  { name: "linkAnnotationAction", call: (c) => actions.linkAnnotationAction(form({ annotationId: c.annotationId, targetType: "policy", targetId: c.policyId })) },
  {
    name: "reattachAnnotationAction",
    call: (c) => actions.reattachAnnotationAction(form({ annotationId: c.annotationId, version: c.version, revisionId: c.revision.id, start: 0, end: 5 })),
  },
  { name: "createItemFromAnnotationAction", call: (c) => actions.createItemFromAnnotationAction(form({ annotationId: c.annotationId })) },
  {
    name: "publishRevisionAction",
    call: (c) => actions.publishRevisionAction(form({ briefId: c.brief.id, version: c.brief.version, doc: JSON.stringify(briefDoc("새 본문")), note: "개정" })),
  },
];

describe.each(guarded)("$name", ({ call }) => {
  async function prepared() {
    const ctx = await setup();
    const created = await annotate(ctx.editor, ctx.revision);
    const policy = await createPolicy(t.db);
    resetRequest();
    return { ...ctx, annotationId: created.annotationId, version: created.version, policyId: policy.id };
  }

  it("refuses anonymous visitors with 401 and writes nothing", async () => {
    const ctx = await prepared();
    const before = await snapshot();
    expect(await call(ctx)).toMatchObject({ ok: false, status: 401 });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a viewer's forged request with 403 and writes nothing", async () => {
    const ctx = await prepared();
    signInAs(ctx.viewer);
    const before = await snapshot();
    expect(await call(ctx)).toMatchObject({ ok: false, status: 403, code: "forbidden" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("bad input", () => {
  const cases: [string, (r: { id: string; plainText: string }) => Record<string, string | number>, Record<string, string[]>][] = [
    ["a quote that does not match the offsets", (r) => ({ ...createFields(r), quote: "600억 위안(약 8.2억 달라)" }), { quote: ["선택한 구절이 본문과 맞지 않습니다. 페이지를 새로 고친 뒤 다시 선택해 주세요."] }],
    ["offsets of another length than the quote", (r) => ({ ...createFields(r), end: createFields(r).end + 1 }), { quote: ["선택한 구절이 본문과 맞지 않습니다. 페이지를 새로 고친 뒤 다시 선택해 주세요."] }],
    ["a script node in the body", (r) => ({ ...createFields(r), body: JSON.stringify(doc({ type: "script", content: [text("alert(1)")] })) }), { body: expect.any(Array) as unknown as string[] }],
    ["a javascript: link", (r) => ({ ...createFields(r), body: JSON.stringify(doc(p(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])))) }), { body: expect.any(Array) as unknown as string[] }],
    ["an oversize body", (r) => ({ ...createFields(r), body: JSON.stringify(doc(...Array.from({ length: 300 }, () => p(text("가".repeat(1000)))))) }), { body: expect.any(Array) as unknown as string[] }],
    ["an empty body", (r) => ({ ...createFields(r), body: JSON.stringify(doc(p())) }), { body: ["필수 항목입니다."] }],
    ["too many tags", (r) => ({ ...createFields(r), tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(",") }), { tags: ["태그는 20개까지 달 수 있습니다."] }],
  ];
  it.each(cases)("refuses %s with field errors and writes nothing", async (_name, fields, errors) => {
    const { revision, editor } = await setup();
    signInAs(editor);
    const before = await snapshot();
    const result = await actions.createAnnotationAction(form(fields(revision)));
    expect(result).toMatchObject({ ok: false, status: 400, code: "invalid" });
    expect((result as { fieldErrors: unknown }).fieldErrors).toMatchObject(errors);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a script node in a new revision", async () => {
    const { brief, editor } = await setup();
    signInAs(editor);
    const before = await snapshot();
    const result = await actions.publishRevisionAction(form({ briefId: brief.id, version: brief.version, doc: JSON.stringify(doc({ type: "script" })), note: "x" }));
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { doc: expect.any(Array) } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("annotating", () => {
  it("stores selectors, an anchor, tags, an activity entry, and notifies the mentioned teammate", async () => {
    const { revision, editor, other } = await setup();
    const body = JSON.stringify(doc(p(text("확인 부탁 "), { type: "mention", attrs: { id: other.id, label: other.displayName } })));
    const { annotationId } = await annotate(editor, revision, { body });
    const [row] = await t.db.select().from(schema.annotations).where(eq(schema.annotations.id, annotationId));
    const start = revision.plainText.indexOf(quote);
    expect(row).toMatchObject({ tags: ["투자", "비교"], status: "open", isPrivate: false, authorId: editor.id, mentionedUserIds: [other.id] });
    expect(row.selector).toEqual({ quote, prefix: revision.plainText.slice(Math.max(0, start - 32), start), suffix: revision.plainText.slice(start + quote.length, start + quote.length + 32), start, end: start + quote.length });
    const anchors = await t.db.select().from(schema.annotationAnchors).where(eq(schema.annotationAnchors.annotationId, annotationId));
    expect(anchors).toEqual([{ annotationId, revisionId: revision.id, start, end: start + quote.length, orphaned: false, method: "original" }]);
    const notes = await t.db.select().from(schema.notifications).where(eq(schema.notifications.entityId, annotationId));
    expect(notes).toMatchObject([{ userId: other.id, kind: "mention", actorId: editor.id }]);
    const [entry] = await t.db.select().from(schema.activity).where(eq(schema.activity.entityId, annotationId));
    expect(entry).toMatchObject({ action: "annotation.created", actorId: editor.id, after: { quote } });
  });

  it("lets any editor resolve and reopen, but only the author edit or delete", async () => {
    const { revision, editor, other } = await setup();
    const { annotationId, version } = await annotate(editor, revision);
    signInAs(other);
    const resolved = await actions.resolveAnnotationAction(form({ annotationId, version }));
    expect(resolved).toMatchObject({ ok: true, version: version + 1 });
    expect(await actions.editAnnotationAction(form({ annotationId, version: version + 1, body: note("남의 글") }))).toMatchObject({ ok: false, status: 403 });
    expect(await actions.deleteAnnotationAction(form({ annotationId, version: version + 1 }))).toMatchObject({ ok: false, status: 403 });
    // A stale version is a conflict, not a silent overwrite.
    expect(await actions.reopenAnnotationAction(form({ annotationId, version }))).toMatchObject({ ok: false, status: 409 });
    signInAs(editor);
    expect(await actions.editAnnotationAction(form({ annotationId, version: version + 1, body: note("고침"), tags: "정정" }))).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(schema.annotations).where(eq(schema.annotations.id, annotationId));
    expect(row).toMatchObject({ status: "resolved", resolvedById: other.id, bodyText: "고침", tags: ["정정"] });
    expect(row.editedAt).not.toBeNull();
    expect(await actions.deleteAnnotationAction(form({ annotationId, version: row.version }))).toMatchObject({ ok: true });
    expect(await listAnnotationsOnRevision(revision.id, editor.id)).toEqual([]);
  });

  it("keeps private notes from everyone but their author, in lists and exports", async () => {
    const { brief, revision, editor, other, viewer } = await setup();
    const shared = await annotate(editor, revision);
    const secret = await annotate(editor, revision, { isPrivate: "on", body: note("비밀 메모") }, "민간․오픈 소스");
    expect((await listAnnotationsOnRevision(revision.id, editor.id)).map((a) => a.id).sort()).toEqual([shared.annotationId, secret.annotationId].sort());
    expect((await listAnnotationsOnRevision(revision.id, other.id)).map((a) => a.id)).toEqual([shared.annotationId]);
    signInAs(other);
    expect(await actions.resolveAnnotationAction(form({ annotationId: secret.annotationId, version: 1 }))).toMatchObject({ ok: false, status: 404 });

    const params = { params: Promise.resolve({ id: brief.id }) };
    signInAs(viewer);
    const json = await (await exportJson.GET(new Request("http://x"), params)).json();
    expect(json.first.items.map((a: { id: string }) => a.id)).toEqual([`http://x/brief?annotation=${shared.annotationId}`]);
    const md = await (await exportMd.GET(new Request("http://x"), { params: Promise.resolve({ id: brief.id }) })).text();
    expect(md).toContain(quote);
    expect(md).not.toContain("비밀 메모");
    signInAs(editor);
    const own = await (await exportMd.GET(new Request("http://x"), { params: Promise.resolve({ id: brief.id }) })).text();
    expect(own).toContain("비밀 메모");
    expect(own).toContain("‘차세대 인공지능 발전계획’");
    resetRequest();
    expect((await exportJson.GET(new Request("http://x"), { params: Promise.resolve({ id: brief.id }) })).status).toBe(401);
  });

  it("links to a policy and creates a response item carrying the passage", async () => {
    const { revision, editor } = await setup();
    const { annotationId } = await annotate(editor, revision);
    const policy = await createPolicy(t.db);
    expect(await actions.linkAnnotationAction(form({ annotationId, targetType: "policy", targetId: policy.id }))).toEqual({ ok: true });
    const made = await actions.createItemFromAnnotationAction(form({ annotationId }));
    if (!made.ok) throw new Error(made.formError);
    const [item] = await t.db.select().from(schema.responseItems).where(eq(schema.responseItems.id, made.responseItemId));
    expect(item).toMatchObject({ title: quote, passageRevisionId: revision.id, createdById: editor.id });
    expect(item.passage?.quote).toBe(quote);
    const [view] = await listAnnotationsOnRevision(revision.id, editor.id);
    expect(view.links.map((l) => l.targetType).sort()).toEqual(["policy", "response_item"]);
  });
});

describe("publishing a revision", () => {
  it("re-anchors: a paragraph inserted above keeps the annotation on its words; a deleted passage is orphaned, still listed", async () => {
    const { brief, revision, editor } = await setup();
    const kept = await annotate(editor, revision);
    const lost = await annotate(editor, revision, {}, "민간․오픈 소스 기반 글로벌 AI 생태계의 재편");
    signInAs(editor);
    const published = await actions.publishRevisionAction(
      form({ briefId: brief.id, version: brief.version, doc: JSON.stringify(briefDoc("새로 추가된 머리 문단입니다.", paragraphs[0], paragraphs[1])), note: "머리 문단 추가, 셋째 줄 삭제" }),
    );
    expect(published).toMatchObject({ ok: true, revisionNumber: 2, anchored: 1, orphaned: 1 });
    const [current] = await t.db.select().from(schema.briefs).where(eq(schema.briefs.id, brief.id));
    const [next] = await t.db.select().from(schema.briefRevisions).where(eq(schema.briefRevisions.id, current.currentRevisionId!));
    const list = await listAnnotationsOnRevision(next.id, editor.id);
    const placed = list.find((a) => a.id === kept.annotationId)!;
    expect(next.plainText.slice(placed.start!, placed.end!)).toBe(quote);
    expect(placed).toMatchObject({ orphaned: false, method: "exact" });
    expect(list.find((a) => a.id === lost.annotationId)).toMatchObject({ orphaned: true, start: null, selector: { quote: "민간․오픈 소스 기반 글로벌 AI 생태계의 재편" }, madeOnRevision: 1 });
    // The earlier revision keeps its annotations where they were.
    expect((await listAnnotationsOnRevision(revision.id, editor.id)).every((a) => !a.orphaned)).toBe(true);
    // Publishing from the stale version is refused.
    expect(
      await actions.publishRevisionAction(form({ briefId: brief.id, version: brief.version, doc: JSON.stringify(briefDoc("x")), note: "늦음" })),
    ).toMatchObject({ ok: false, status: 409 });
  });

  it("two editors revising different paragraphs at once: the second merges with the first and publishes both", async () => {
    const { mergeDoc } = await import("@/lib/merge/three-way");
    const { brief, editor, other } = await setup();
    const base = briefDoc(...paragraphs);
    const mine = briefDoc(paragraphs[0], paragraphs[1], `${paragraphs[2]} (편집자 A)`);
    const theirs = briefDoc(`${paragraphs[0]} (편집자 B)`, paragraphs[1], paragraphs[2]);
    signInAs(other);
    expect(await actions.publishRevisionAction(form({ briefId: brief.id, version: brief.version, doc: JSON.stringify(theirs), note: "B" }))).toMatchObject({ ok: true });
    signInAs(editor);
    const refused = await actions.publishRevisionAction(form({ briefId: brief.id, version: brief.version, doc: JSON.stringify(mine), note: "A" }));
    expect(refused).toMatchObject({ ok: false, status: 409, details: { current: { version: brief.version + 1, number: 2, doc: theirs }, changedBy: other.displayName } });
    const current = (refused as unknown as { details: { current: { version: number; doc: schema.RichTextDoc } } }).details.current;
    const merged = mergeDoc(base, mine, current.doc);
    expect(merged.conflict).toBe(false);
    expect(await actions.publishRevisionAction(form({ briefId: brief.id, version: current.version, doc: JSON.stringify(merged.value), note: "A, 병합" }))).toMatchObject({
      ok: true,
      revisionNumber: 3,
    });
    const [row] = await t.db.select().from(schema.briefRevisions).where(and(eq(schema.briefRevisions.briefId, brief.id), eq(schema.briefRevisions.number, 3)));
    expect(row.plainText).toContain("(편집자 A)");
    expect(row.plainText).toContain("(편집자 B)");
  });
});

describe("re-anchoring short quotes and cited passages (#15, 8 and 14)", () => {
  it("places a short quote by its intact prefix and suffix when its words changed", async () => {
    const { brief, revision, editor } = await setup();
    const short = await annotate(editor, revision, {}, "AI");
    signInAs(editor);
    const reworded = paragraphs[1].replace("국가 AI 산업", "국가 인공지능 산업");
    const published = await actions.publishRevisionAction(
      form({ briefId: brief.id, version: brief.version, doc: JSON.stringify(briefDoc("머리 문단.", paragraphs[0], reworded, paragraphs[2])), note: "용어 변경" }),
    );
    expect(published).toMatchObject({ ok: true, anchored: 1, orphaned: 0 });
    const [current] = await t.db.select().from(schema.briefs).where(eq(schema.briefs.id, brief.id));
    const [next] = await t.db.select().from(schema.briefRevisions).where(eq(schema.briefRevisions.id, current.currentRevisionId!));
    const [placed] = await listAnnotationsOnRevision(next.id, editor.id);
    expect(placed).toMatchObject({ id: short.annotationId, orphaned: false, method: "context" });
    expect(next.plainText.slice(placed.start!, placed.end!)).toBe("인공지능");
  });

  it("moves the passages policies, response items and framework nodes cite onto the new revision; the lost ones are marked orphaned", async () => {
    const { selectorForQuote } = await import("@/lib/brief/selectors");
    const { brief, revision, editor } = await setup();
    const policy = await createPolicy(t.db);
    const cited = selectorForQuote(revision.plainText, quote)!;
    const deleted = selectorForQuote(revision.plainText, "민간․오픈 소스 기반 글로벌 AI 생태계")!;
    const [kept, lost] = await t.db
      .insert(schema.policyPassages)
      .values([
        { policyId: policy.id, revisionId: revision.id, selector: cited },
        { policyId: policy.id, revisionId: revision.id, selector: deleted },
      ])
      .returning();
    const [item] = await t.db.insert(schema.responseItems).values({ title: "과제", passageRevisionId: revision.id, passage: cited }).returning();
    const { nodes } = await createFramework(t.db, 1);
    await t.db.update(schema.frameworkNodes).set({ passageRevisionId: revision.id, passage: deleted }).where(eq(schema.frameworkNodes.id, nodes[0].id));

    signInAs(editor);
    const published = await actions.publishRevisionAction(
      form({ briefId: brief.id, version: brief.version, doc: JSON.stringify(briefDoc("새 머리 문단입니다.", paragraphs[0], paragraphs[1])), note: "셋째 줄 삭제" }),
    );
    expect(published).toMatchObject({ ok: true, passages: { placed: 2, orphaned: 2 } });
    const [current] = await t.db.select().from(schema.briefs).where(eq(schema.briefs.id, brief.id));
    const [next] = await t.db.select().from(schema.briefRevisions).where(eq(schema.briefRevisions.id, current.currentRevisionId!));

    const passages = await t.db.select().from(schema.policyPassages).where(eq(schema.policyPassages.policyId, policy.id));
    const keptNow = passages.find((p) => p.id === kept.id)!;
    expect(keptNow).toMatchObject({ revisionId: next.id, orphaned: false, selector: { quote } });
    expect(next.plainText.slice(keptNow.selector.start, keptNow.selector.end)).toBe(quote);
    // The orphan keeps where it was last seen.
    expect(passages.find((p) => p.id === lost.id)).toMatchObject({ revisionId: revision.id, orphaned: true, selector: deleted });
    const [itemNow] = await t.db.select().from(schema.responseItems).where(eq(schema.responseItems.id, item.id));
    expect(itemNow).toMatchObject({ passageRevisionId: next.id, passageOrphaned: false, passage: { quote, start: next.plainText.indexOf(quote) } });
    const [nodeNow] = await t.db.select().from(schema.frameworkNodes).where(eq(schema.frameworkNodes.id, nodes[0].id));
    expect(nodeNow).toMatchObject({ passageRevisionId: revision.id, passageOrphaned: true, passage: deleted });

    // A later revision that brings the passage back finds it again.
    const again = await actions.publishRevisionAction(
      form({ briefId: brief.id, version: current.version, doc: JSON.stringify(briefDoc(...paragraphs)), note: "복원" }),
    );
    expect(again).toMatchObject({ ok: true, passages: { placed: 4, orphaned: 0 } });
  });

  it("bounds the work of a publish: long orphaned quotes are left for review instead of holding the lock", async () => {
    const { AnchorBudget, PUBLISH_ANCHOR_BUDGET } = await import("@/lib/annotations/anchoring");
    const lines = Array.from({ length: 120 }, (_, i) => `${i}번 문단: 중국 정부는 인공지능 산업 표준과 컴퓨팅 자원, 데이터 거래소와 반도체 공급망을 함께 육성하는 계획을 ${i % 7}차로 발표함.`);
    const { brief, revision } = await createBrief(t.db, briefDoc(...lines));
    const editor = await createUser(t.db, { role: "editor" });
    for (let i = 0; i < 40; i++) {
      const start = i * 200;
      await annotate(editor, revision, {}, revision.plainText.slice(start, start + 200));
    }
    signInAs(editor);
    const rewritten = lines.map((_, i) => `완전히 새로 쓴 ${i}번째 문단으로, 이전 개정판과 공유하는 문장이 거의 없음.`);
    const startedAt = Date.now();
    const published = await actions.publishRevisionAction(form({ briefId: brief.id, version: brief.version, doc: JSON.stringify(briefDoc(...rewritten)), note: "전면 개정" }));
    expect(published).toMatchObject({ ok: true, anchored: 0, orphaned: 40 });
    const { needsReview } = published as unknown as { needsReview: number };
    expect(needsReview).toBeGreaterThan(0);
    const [current] = await t.db.select().from(schema.briefs).where(eq(schema.briefs.id, brief.id));
    const anchors = await t.db.select().from(schema.annotationAnchors).where(eq(schema.annotationAnchors.revisionId, current.currentRevisionId!));
    expect(anchors.filter((a) => a.method === "over_budget")).toHaveLength(needsReview);
    expect(anchors.every((a) => a.orphaned)).toBe(true);
    // Generous for a loaded machine; the unbounded search took minutes on this shape at 500 annotations.
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(new AnchorBudget().remaining).toBe(PUBLISH_ANCHOR_BUDGET);
  });
});

describe("re-attaching an orphan (#15, 8)", () => {
  const lostPassage = "민간․오픈 소스 기반 글로벌 AI 생태계의 재편";

  /** Two annotations on the third line (the editor's shared one, the other editor's private note), orphaned by a revision without it. */
  async function orphaned() {
    const ctx = await setup();
    const shared = await annotate(ctx.editor, ctx.revision, { body: note("생태계 재편 메모"), tags: "생태계" }, lostPassage);
    const secret = await annotate(ctx.other, ctx.revision, { isPrivate: "on", body: note("비밀 메모") }, lostPassage);
    signInAs(ctx.editor);
    const published = await actions.publishRevisionAction(
      form({ briefId: ctx.brief.id, version: ctx.brief.version, doc: JSON.stringify(briefDoc("새 머리 문단.", paragraphs[0], paragraphs[1], "- 오픈 소스 모델의 확산이 빠르게 진행 중임")), note: "셋째 줄 교체" }),
    );
    expect(published).toMatchObject({ ok: true, orphaned: 2 });
    const [brief] = await t.db.select().from(schema.briefs).where(eq(schema.briefs.id, ctx.brief.id));
    const [next] = await t.db.select().from(schema.briefRevisions).where(eq(schema.briefRevisions.id, brief.currentRevisionId!));
    resetRequest();
    return { ...ctx, brief, next, shared, secret };
  }
  const fields = (annotation: { annotationId: string; version: number }, revision: { id: string; plainText: string }, passage: string, extra: Record<string, string | number> = {}) => {
    const start = revision.plainText.indexOf(passage);
    return { annotationId: annotation.annotationId, version: annotation.version, revisionId: revision.id, start, end: start + passage.length, ...extra };
  };

  it("places the orphan on the selected words of the current revision: selector from the server's text, anchor `manual`, thread kept", async () => {
    const { revision, next, editor, shared } = await orphaned();
    const passage = "오픈 소스 모델의 확산";
    signInAs(editor);
    // A quote sent along is not read: the server takes the words from the revision.
    const result = await actions.reattachAnnotationAction(form(fields(shared, next, passage, { quote: "엉뚱한 인용" })));
    expect(result).toEqual({ ok: true, version: shared.version + 1 });
    const start = next.plainText.indexOf(passage);
    const [row] = await t.db.select().from(schema.annotations).where(eq(schema.annotations.id, shared.annotationId));
    expect(row).toMatchObject({ revisionId: next.id, bodyText: "생태계 재편 메모", tags: ["생태계"], status: "open", version: shared.version + 1, editedAt: null });
    expect(row.selector).toEqual({
      quote: passage,
      prefix: next.plainText.slice(Math.max(0, start - 32), start),
      suffix: next.plainText.slice(start + passage.length, start + passage.length + 32),
      start,
      end: start + passage.length,
    });
    const anchors = await t.db.select().from(schema.annotationAnchors).where(eq(schema.annotationAnchors.annotationId, shared.annotationId));
    expect(anchors.find((a) => a.revisionId === next.id)).toEqual({ annotationId: shared.annotationId, revisionId: next.id, start, end: start + passage.length, orphaned: false, method: "manual" });
    // The earlier revision keeps where it was.
    expect(anchors.find((a) => a.revisionId === revision.id)).toMatchObject({ orphaned: false, start: revision.plainText.indexOf(lostPassage) });
    const view = (await listAnnotationsOnRevision(next.id, editor.id)).find((a) => a.id === shared.annotationId);
    expect(view).toMatchObject({ orphaned: false, start, end: start + passage.length, method: "manual", madeOnRevision: 2 });
    const entries = await t.db.select().from(schema.activity).where(and(eq(schema.activity.entityId, shared.annotationId), eq(schema.activity.action, "annotation.reattached")));
    expect(entries).toMatchObject([{ actorId: editor.id, before: { quote: lostPassage, method: "orphaned" }, after: { quote: passage, method: "manual" }, privateTo: null }]);

    // Once placed, it is no orphan to re-attach; the next revision re-anchors it from its new words.
    expect(await actions.reattachAnnotationAction(form(fields({ ...shared, version: shared.version + 1 }, next, "중국은")))).toMatchObject({ ok: false, status: 409 });
    const [brief] = await t.db.select().from(schema.briefs).where(eq(schema.briefs.id, next.briefId));
    const again = await actions.publishRevisionAction(form({ briefId: brief.id, version: brief.version, doc: JSON.stringify(briefDoc("또 다른 머리 문단.", paragraphs[0], paragraphs[1], "- 오픈 소스 모델의 확산이 빠르게 진행 중임")), note: "머리 교체" }));
    expect(again).toMatchObject({ ok: true });
    const [third] = await t.db.select().from(schema.briefRevisions).where(and(eq(schema.briefRevisions.briefId, brief.id), eq(schema.briefRevisions.number, 3)));
    const placed = (await listAnnotationsOnRevision(third.id, editor.id)).find((a) => a.id === shared.annotationId)!;
    expect(third.plainText.slice(placed.start!, placed.end!)).toBe(passage);
  });

  it("refuses a viewer, another editor, someone else's private note, a stale version or revision, and a range outside the text — writing nothing", async () => {
    const { revision, next, editor, other, viewer, shared, secret } = await orphaned();
    const passage = "오픈 소스 모델의 확산";
    const refusals: [UserFixture, Record<string, string | number>, Record<string, unknown>][] = [
      [viewer, fields(shared, next, passage), { status: 403, code: "forbidden" }],
      // Only the author re-attaches, as only the author edits.
      [other, fields(shared, next, passage), { status: 403, code: "forbidden" }],
      // Someone else's private note does not exist for them.
      [editor, fields(secret, next, passage), { status: 404, code: "not_found" }],
      [editor, fields({ ...shared, version: shared.version - 1 || 99 }, next, passage), { status: 409, code: "conflict" }],
      [editor, { ...fields(shared, next, passage), revisionId: revision.id }, { status: 409, code: "conflict" }],
      [editor, { ...fields(shared, next, passage), start: next.plainText.length - 1, end: next.plainText.length + 4 }, { status: 400, code: "invalid" }],
      [editor, { ...fields(shared, next, passage), start: 5, end: 5 }, { status: 400, code: "invalid" }],
    ];
    for (const [who, input, refusal] of refusals) {
      signInAs(who);
      const before = await snapshot();
      expect(await actions.reattachAnnotationAction(form(input))).toMatchObject({ ok: false, ...refusal });
      expect(await snapshot()).toEqual(before);
    }
  });

  it("lets the author re-attach their private note, heard of by nobody else", async () => {
    const { next, other, secret } = await orphaned();
    signInAs(other);
    expect(await actions.reattachAnnotationAction(form(fields(secret, next, "오픈 소스 모델")))).toMatchObject({ ok: true });
    const [entry] = await t.db.select().from(schema.activity).where(and(eq(schema.activity.entityId, secret.annotationId), eq(schema.activity.action, "annotation.reattached")));
    expect(entry).toMatchObject({ actorId: other.id, privateTo: other.id, before: { isPrivate: true }, after: { isPrivate: true } });
    expect((await listAnnotationsOnRevision(next.id, other.id)).find((a) => a.id === secret.annotationId)).toMatchObject({ orphaned: false, method: "manual" });
  });
});

describe("W3C Web Annotations", () => {
  // The parts of the W3C Web Annotation Data Model the export must follow (https://www.w3.org/TR/annotation-model/).
  const iri = z.string().regex(/^https?:\/\/\S+$/);
  const textualBody = z.strictObject({ type: z.literal("TextualBody"), value: z.string(), purpose: z.enum(["commenting", "tagging", "replying"]), format: z.literal("text/plain") });
  const model = z.strictObject({
    "@context": z.literal("http://www.w3.org/ns/anno.jsonld"),
    id: iri,
    type: z.literal("AnnotationCollection"),
    label: z.string(),
    total: z.number().int(),
    first: z.strictObject({
      id: iri,
      type: z.literal("AnnotationPage"),
      startIndex: z.literal(0),
      items: z.array(
        z.strictObject({
          "@context": z.literal("http://www.w3.org/ns/anno.jsonld"),
          id: iri,
          type: z.literal("Annotation"),
          motivation: z.enum(["commenting", "replying"]),
          body: z.array(textualBody).min(1),
          target: z.union([
            iri,
            z.strictObject({
              source: iri,
              selector: z.tuple([
                z.strictObject({ type: z.literal("TextQuoteSelector"), exact: z.string().min(1), prefix: z.string(), suffix: z.string() }),
                z.strictObject({ type: z.literal("TextPositionSelector"), start: z.number().int().min(0), end: z.number().int().min(1) }),
              ]),
            }),
          ]),
          creator: z.strictObject({ type: z.literal("Person"), name: z.string() }),
          created: z.iso.datetime(),
          modified: z.iso.datetime(),
        }),
      ),
    }),
  });

  it("exports the brief's annotations as a W3C AnnotationCollection, replies as replying annotations", async () => {
    const { brief, revision, editor } = await setup();
    const { annotationId } = await annotate(editor, revision);
    const comments = await import("@/app/actions/comments");
    signInAs(editor);
    expect(await comments.addCommentAction({ targetType: "annotation", targetId: annotationId, body: note("답글입니다") })).toMatchObject({ ok: true });
    const response = await exportJson.GET(new Request("https://desk.example/api"), { params: Promise.resolve({ id: brief.id }) });
    expect(response.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const json = model.parse(await response.json());
    const [note1, reply] = json.first.items;
    expect(note1).toMatchObject({
      motivation: "commenting",
      body: [{ value: "투자 규모 확인", purpose: "commenting" }, { value: "투자", purpose: "tagging" }, { value: "비교", purpose: "tagging" }],
      target: { selector: [{ exact: quote }, { start: revision.plainText.indexOf(quote) }] },
    });
    expect(reply).toMatchObject({ motivation: "replying", target: note1.id, body: [{ value: "답글입니다" }] });
  });

  it("imports a W3C file onto the current revision: placed by the same re-anchoring, orphans listed, replies skipped", async () => {
    const { brief, revision, editor, viewer } = await setup();
    await annotate(editor, revision);
    const exported = await (await exportJson.GET(new Request("https://desk.example/api"), { params: Promise.resolve({ id: brief.id }) })).json();
    // A note from another tool on words that are not in the brief, in Hypothesis' shape (selector lists).
    exported.first.items.push({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      bodyValue: "다른 도구의 메모",
      target: [{ source: "https://example.org/x", selector: [{ type: "RangeSelector" }, { type: "TextQuoteSelector", exact: "브리프에 없는 문장", prefix: "", suffix: "" }] }],
    });
    exported.first.items.push({ type: "Annotation", target: "https://example.org/only-a-page" });
    const form = (json: unknown) => {
      const data = new FormData();
      data.set("briefId", brief.id);
      data.set("file", new Blob([JSON.stringify(json)]), "annotations.jsonld");
      return data;
    };
    signInAs(viewer);
    expect(await actions.importW3CAnnotationsAction(form(exported))).toMatchObject({ ok: false, status: 403 });
    signInAs(editor);
    const result = await actions.importW3CAnnotationsAction(form(exported));
    expect(result).toMatchObject({ ok: true, report: { placed: 1, orphaned: [{ quote: "브리프에 없는 문장" }], skipped: 1 } });
    const rows = await t.db
      .select({ bodyText: schema.annotations.bodyText, selector: schema.annotations.selector, start: schema.annotationAnchors.start, end: schema.annotationAnchors.end, orphaned: schema.annotationAnchors.orphaned })
      .from(schema.annotations)
      .innerJoin(schema.annotationAnchors, and(eq(schema.annotationAnchors.annotationId, schema.annotations.id), eq(schema.annotationAnchors.revisionId, revision.id)))
      .where(eq(schema.annotations.briefId, brief.id));
    const placed = rows.filter((a) => a.bodyText === "투자 규모 확인");
    expect(placed).toHaveLength(2);
    expect(placed.every((a) => !a.orphaned && revision.plainText.slice(a.start!, a.end!) === quote)).toBe(true);
    expect(rows.find((a) => a.bodyText === "다른 도구의 메모")).toMatchObject({ orphaned: true, selector: { quote: "브리프에 없는 문장" } });
    expect((await listAnnotationsOnRevision(revision.id, editor.id)).filter((a) => a.orphaned)).toHaveLength(1);
    const bad = new FormData();
    bad.set("briefId", brief.id);
    bad.set("file", new Blob(["not json"]), "x.json");
    expect(await actions.importW3CAnnotationsAction(bad)).toMatchObject({ ok: false, status: 400, fieldErrors: { file: [expect.any(String)] } });
  });
});
