import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { listOpenAnnotationsMentioning, listPoliciesLoggedSince } from "@/lib/dashboard/queries";
import { createBrief, createPolicy, createUser } from "../factories";
import { withFreshDatabase } from "./harness";
import { mentionedUserIds } from "@/lib/editor/mentions";

const t = withFreshDatabase();

type Json = Record<string, unknown>;
const doc = (...content: Json[]) => ({ type: "doc", content: [{ type: "paragraph", content }] }) as schema.RichTextDoc;
const text = (value: string): Json => ({ type: "text", text: value });
const mention = (id: string): Json => ({ type: "mention", attrs: { id, label: "x" } });

describe("dashboard queries", () => {
  it("policies logged in the last 30 days, newest first, deleted ones left out", async () => {
    const now = new Date("2026-06-30T00:00:00Z");
    const fresh = await createPolicy(t.db, { createdAt: new Date("2026-06-20T00:00:00Z") });
    await createPolicy(t.db, { createdAt: new Date("2026-05-01T00:00:00Z") });
    await createPolicy(t.db, { createdAt: new Date("2026-06-25T00:00:00Z"), deletedAt: new Date() });
    const newest = await createPolicy(t.db, { createdAt: new Date("2026-06-29T00:00:00Z") });
    expect((await listPoliciesLoggedSince(now)).map((p) => p.id)).toEqual([newest.id, fresh.id]);
  });

  it("open annotations mentioning me in their note or in a live comment of their thread", async () => {
    const [me, author] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor" })];
    const { brief, revision } = await createBrief(t.db, doc(text("본문 텍스트")));
    const selector = { quote: "본문", prefix: "", suffix: "", start: 0, end: 2 };
    const annotate = async (values: Partial<typeof schema.annotations.$inferInsert>) =>
      // As the write path stores them: the body's mentions alongside it.
      (await t.db.insert(schema.annotations).values({ briefId: brief.id, revisionId: revision.id, selector, body: doc(text("메모")), authorId: author.id, mentionedUserIds: mentionedUserIds(values.body), ...values }).returning())[0];
    const inBody = await annotate({ body: doc(text("확인 "), mention(me.id)), createdAt: new Date("2026-01-02T00:00:00Z") });
    const inThread = await annotate({ createdAt: new Date("2026-01-01T00:00:00Z") });
    await t.db.insert(schema.comments).values({ targetType: "annotation", targetId: inThread.id, authorId: author.id, body: doc(mention(me.id)), mentionedUserIds: [me.id] });
    await annotate({ body: doc(mention(me.id)), status: "resolved" });
    await annotate({ body: doc(mention(me.id)), isPrivate: true });
    await annotate({ body: doc(mention(me.id)), deletedAt: new Date() });
    const deletedComment = await annotate({});
    await t.db.insert(schema.comments).values({ targetType: "annotation", targetId: deletedComment.id, authorId: author.id, body: doc(mention(me.id)), mentionedUserIds: [me.id], deletedAt: new Date() });
    await annotate({ body: doc(mention(author.id)) });

    const rows = await listOpenAnnotationsMentioning(me.id);
    expect(rows.map((r) => r.id)).toEqual([inBody.id, inThread.id]);
    expect(rows[0]).toMatchObject({ quote: "본문", authorName: author.displayName });
  });
});
