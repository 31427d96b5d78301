import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import type { SearchGroup } from "@/lib/search/global";
import { createBrief, createFramework, createIntakeEntry, createPolicy, createResponseItem, createUser, type UserFixture } from "../factories";
import { form, resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const briefActions = await import("@/app/(records)/brief/actions");
const commentActions = await import("@/app/actions/comments");
const { GET: searchRoute } = await import("@/app/api/search/route");
const { PAGE_LIMIT, globalSearch } = await import("@/lib/search/global");
const { reindexSearch } = await import("@/lib/search/reindex");
const { commentSearch } = await import("@/lib/search/documents");

const t = withFreshDatabase();
beforeEach(() => resetRequest());

type Json = Record<string, unknown>;
const doc = (body: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: body }] }] } satisfies Json);
const passage = "국가 AI 산업투자기금을 조성함";

let author: UserFixture;
let viewer: UserFixture;
let colleague: UserFixture;
let revision: { id: string; plainText: string };
let ids: Record<string, string>;

async function annotate(user: UserFixture, body: string, isPrivate = false) {
  signInAs(user);
  const start = revision.plainText.indexOf(passage);
  const fields = { revisionId: revision.id, start, end: start + passage.length, quote: passage, body: doc(body), tags: "", ...(isPrivate ? { isPrivate: "on" } : {}) };
  const result = await briefActions.createAnnotationAction(form(fields));
  if (!result.ok) throw new Error(`annotate: ${result.formError}`);
  const [row] = await t.db.select({ id: schema.annotations.id }).from(schema.annotations).where(sql`${schema.annotations.bodyText} = ${body}`);
  return row.id;
}

async function reply(user: UserFixture, targetType: string, targetId: string, body: string) {
  signInAs(user);
  const result = await commentActions.addCommentAction(form({ targetType, targetId, body: doc(body) }));
  if (!result.ok) throw new Error(`comment: ${result.formError}`);
  const [row] = await t.db.select({ id: schema.comments.id }).from(schema.comments).where(sql`${schema.comments.bodyText} = ${body}`);
  return row.id;
}

/** The kinds and ids `user` finds for `q`, as the dialog's route answers. */
async function viaRoute(user: UserFixture, q: string) {
  signInAs(user);
  const response = await searchRoute(new Request(`http://x/api/search?q=${encodeURIComponent(q)}`));
  expect(response.status).toBe(200);
  const { groups } = (await response.json()) as { groups: SearchGroup[] };
  return groups;
}

const found = (groups: SearchGroup[]) => Object.fromEntries(groups.map((g) => [g.kind, g.hits.map((h) => h.id).sort()]));

beforeAll(async () => {
  [author, viewer, colleague] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "viewer" }), await createUser(t.db, { role: "editor" })];
  ({ revision } = await createBrief(t.db, { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `정부는 ${passage}` }] }] }));
  const policy = await createPolicy(t.db, { titleKo: "전역검색 인공지능 안전 거버넌스", titleZh: "人工智能安全治理框架" });
  const item = await createResponseItem(t.db, { title: "전역검색 AI 안전 기준 마련" });
  const { nodes } = await createFramework(t.db, 1);
  await t.db.update(schema.frameworkNodes).set({ labelKo: "전역검색 안전 규제", labelEn: "Global safety rules", searchVersion: 0 }).where(eq(schema.frameworkNodes.id, nodes[0].id));
  await reindexSearch(t.db);
  const entry = await createIntakeEntry(t.db, { title: "國務院 人工智能 安全 通知" });
  const shared = await annotate(author, "전역검색 공유 메모: 안전 치료 비교");
  const secret = await annotate(author, "전역검색 비밀 구절 기밀평가", true);
  ids = {
    policy: policy.id,
    item: item.id,
    node: nodes[0].id,
    entry: entry.id,
    shared,
    secret,
    policyComment: await reply(colleague, "policy", policy.id, "전역검색 정책 댓글 안전"),
    sharedReply: await reply(colleague, "annotation", shared, "전역검색 공유 답글 안전"),
    secretReply: await reply(author, "annotation", secret, "전역검색 기밀평가 답글"),
  };
});

describe("searching everything from one box", () => {
  it("finds every kind, grouped, through the same query language", async () => {
    const groups = await viaRoute(viewer, "전역검색 안전");
    expect(found(groups)).toEqual({
      policy: [ids.policy],
      response_item: [ids.item],
      annotation: [ids.shared],
      comment: [ids.policyComment, ids.sharedReply].sort(),
      framework_node: [ids.node],
    });
    expect(groups.map((g) => g.kind)).toEqual(["policy", "response_item", "annotation", "comment", "framework_node"]);
    const policy = groups[0].hits[0];
    expect(policy.href).toBe(`/policies/${ids.policy}`);
    expect(policy.title.filter((s) => s.match).map((s) => s.text)).toEqual(["전역검색", "안전"]);
    expect(groups[3].hits.find((h) => h.id === ids.sharedReply)?.href).toBe(`/brief?annotation=${ids.shared}#comment-${ids.sharedReply}`);
  });

  it("normalises, excludes and quotes as the policies filter does", async () => {
    expect(found(await viaRoute(viewer, "国务院 安全"))).toEqual({ intake_entry: [ids.entry] });
    expect(found(await viaRoute(viewer, "人工智能 -國務院"))).toEqual({ policy: [ids.policy] });
    expect(found(await viaRoute(viewer, '"전역검색 공유"'))).toEqual({ annotation: [ids.shared], comment: [ids.sharedReply] });
    expect(found(await viaRoute(viewer, "전역 검색 치료 -정책"))).toEqual({ annotation: [ids.shared] });
    expect(found(await viaRoute(viewer, "ＡＩ 기준"))).toEqual({ response_item: [ids.item] });
    // `-` alone searches for nothing rather than listing everything.
    expect(await viaRoute(viewer, "-전역검색")).toEqual([]);
    expect(await viaRoute(viewer, "")).toEqual([]);
  });

  it("never shows someone else's private note or its replies, not even as a count", async () => {
    expect(await viaRoute(viewer, "기밀평가")).toEqual([]);
    expect(await viaRoute(viewer, "전역검색 비밀 구절")).toEqual([]);
    // Its author finds both.
    expect(found(await viaRoute(author, "기밀평가"))).toEqual({ annotation: [ids.secret], comment: [ids.secretReply] });
  });

  it("keeps up with edits and deletions", async () => {
    const [before] = await t.db.select({ version: schema.annotations.version }).from(schema.annotations).where(eq(schema.annotations.id, ids.shared));
    signInAs(author);
    const edited = await briefActions.editAnnotationAction(form({ annotationId: ids.shared, version: before.version, body: doc("전역검색 고친 메모 새말") }));
    expect(edited.ok).toBe(true);
    expect(found(await viaRoute(viewer, "새말"))).toEqual({ annotation: [ids.shared] });
    expect(found(await viaRoute(viewer, "공유 메모"))).toEqual({});
    signInAs(author);
    const deleted = await briefActions.deleteAnnotationAction(form({ annotationId: ids.shared, version: before.version + 1 }));
    expect(deleted.ok).toBe(true);
    // A deleted note and the replies on it are gone from the search.
    expect(await viaRoute(viewer, "새말")).toEqual([]);
    expect(await viaRoute(viewer, "공유 답글")).toEqual([]);
  });

  it("caps each kind and says there is more without counting", async () => {
    const values = Array.from({ length: PAGE_LIMIT + 3 }, (_, i) => ({ title: `상한검사 과제 ${i}` }));
    for (const v of values) await createResponseItem(t.db, v);
    const [group] = await globalSearch(t.db, viewer.id, "상한검사", PAGE_LIMIT);
    expect(group).toMatchObject({ kind: "response_item", more: true });
    expect(group.hits).toHaveLength(PAGE_LIMIT);
  });

  it("finds an old match behind thousands of newer rows, and the newest of a common word first", async () => {
    const policy = await createPolicy(t.db, { titleKo: "오래된 댓글의 정책" });
    const comment = (text: string, createdAt: Date) => ({
      targetType: "policy" as const,
      targetId: policy.id,
      authorId: author.id,
      body: { type: "doc" as const, content: [] },
      bodyText: text,
      createdAt,
      ...commentSearch({ bodyText: text }),
    });
    const start = Date.parse("2020-01-01T00:00:00Z");
    await t.db.insert(schema.comments).values(comment("아주드문낱말 옛 댓글", new Date(start)));
    const newer = Array.from({ length: 2100 }, (_, i) => comment(`흔한낱말 채움 ${i}`, new Date(start + (i + 1) * 60_000)));
    for (let i = 0; i < newer.length; i += 500) await t.db.insert(schema.comments).values(newer.slice(i, i + 500));
    const rare = await globalSearch(t.db, viewer.id, "아주드문낱말", PAGE_LIMIT);
    expect(rare.map((g) => [g.kind, g.hits.map((h) => h.title.map((s) => s.text).join(""))])).toEqual([["comment", ["아주드문낱말 옛 댓글"]]]);
    const [common] = await globalSearch(t.db, viewer.id, "흔한낱말", 3);
    expect(common.hits.map((h) => h.title.map((s) => s.text).join(""))).toEqual(["흔한낱말 채움 2099", "흔한낱말 채움 2098", "흔한낱말 채움 2097"]);
    expect(common.more).toBe(true);
  });

  it("refuses anonymous visitors", async () => {
    resetRequest();
    const response = await searchRoute(new Request("http://x/api/search?q=안전"));
    expect(response.status).toBe(401);
  });
});
