import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Executor } from "@/db/client";
import * as schema from "@/db/schema";
import { createPolicy, createResponseItem, createUser, type UserFixture } from "../factories";
import { form, resetRequest, signInAs, snapshot } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const actions = await import("@/app/actions/comments");

const t = withFreshDatabase();
beforeEach(() => resetRequest());

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const mention = (user: { id: string; displayName: string }): Json => ({ type: "mention", attrs: { id: user.id, label: user.displayName } });
const doc = (...inline: Json[]) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: inline }] });

/** Everything a refused comment write must leave untouched. */
async function state(db: Executor) {
  const [comments] = await db.select({ n: count() }).from(schema.comments);
  const [notifications] = await db.select({ n: count() }).from(schema.notifications);
  const bodies = await db.select({ id: schema.comments.id, bodyText: schema.comments.bodyText, deletedAt: schema.comments.deletedAt }).from(schema.comments).orderBy(schema.comments.id);
  return { ...(await snapshot(db)), comments: comments.n, notifications: notifications.n, bodies };
}

const notificationsFor = (userId: string) => t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, userId));

async function createAnnotation(author: UserFixture) {
  const [brief] = await t.db.insert(schema.briefs).values({ title: "브리프" }).returning();
  const [revision] = await t.db
    .insert(schema.briefRevisions)
    .values({ briefId: brief.id, number: 1, doc: { type: "doc", content: [] }, plainText: "가나다라" })
    .returning();
  const [annotation] = await t.db
    .insert(schema.annotations)
    .values({
      briefId: brief.id,
      revisionId: revision.id,
      selector: { quote: "나다", prefix: "가", suffix: "라", start: 1, end: 3 },
      body: { type: "doc", content: [] },
      authorId: author.id,
    })
    .returning();
  return annotation;
}

async function post(user: UserFixture, fields: Record<string, string>) {
  signInAs(user);
  const result = await actions.addCommentAction(form(fields));
  if (!result.ok) throw new Error(`comment failed: ${result.formError} ${JSON.stringify(result.fieldErrors)}`);
  return result.commentId;
}

type FormCall = (input: FormData) => Promise<{ ok: boolean }>;

describe.each<[string, (author: UserFixture) => Promise<FormData>, FormCall]>([
  ["addCommentAction", async () => form({ targetType: "policy", targetId: (await createPolicy(t.db)).id, body: doc(text("hi")) }), actions.addCommentAction],
  [
    "editCommentAction",
    async (author: UserFixture) => {
      const id = await post(author, { targetType: "policy", targetId: (await createPolicy(t.db)).id, body: doc(text("first")) });
      return form({ commentId: id, version: 1, body: doc(text("changed")) });
    },
    actions.editCommentAction,
  ],
  [
    "deleteCommentAction",
    async (author: UserFixture) => form({ commentId: await post(author, { targetType: "policy", targetId: (await createPolicy(t.db)).id, body: doc(text("x")) }) }),
    actions.deleteCommentAction,
  ],
])("%s", (_name, prepare, call) => {
  it("refuses anonymous visitors with 401 and writes nothing", async () => {
    const input = await prepare(await createUser(t.db, { role: "editor" }));
    resetRequest();
    const before = await state(t.db);
    expect(await call(input)).toMatchObject({ ok: false, status: 401, code: "unauthenticated" });
    expect(await state(t.db)).toEqual(before);
  });

  it("refuses a viewer's forged request with 403 and writes nothing", async () => {
    const input = await prepare(await createUser(t.db, { role: "editor" }));
    signInAs(await createUser(t.db, { role: "viewer" }));
    const before = await state(t.db);
    expect(await call(input)).toMatchObject({ ok: false, status: 403, code: "forbidden" });
    expect(await state(t.db)).toEqual(before);
  });
});

describe("editing and deleting someone else's comment", () => {
  it("refuses an editor and writes nothing; an admin may delete but not edit", async () => {
    const [author, other, admin] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "admin" })];
    const id = await post(author, { targetType: "policy", targetId: (await createPolicy(t.db)).id, body: doc(text("mine")) });
    signInAs(other);
    const before = await state(t.db);
    expect(await actions.editCommentAction(form({ commentId: id, version: 1, body: doc(text("yours now")) }))).toMatchObject({ ok: false, status: 403 });
    expect(await actions.deleteCommentAction(form({ commentId: id }))).toMatchObject({ ok: false, status: 403 });
    expect(await state(t.db)).toEqual(before);

    signInAs(admin);
    expect(await actions.editCommentAction(form({ commentId: id, version: 1, body: doc(text("admin")) }))).toMatchObject({ ok: false, status: 403 });
    expect(await actions.deleteCommentAction(form({ commentId: id }))).toEqual({ ok: true, commentId: id });
    const [row] = await t.db.select().from(schema.comments).where(eq(schema.comments.id, id));
    expect(row.deletedAt).not.toBeNull();
    expect(row.bodyText).toBe("mine");
    const entries = await t.db.select().from(schema.activity).where(and(eq(schema.activity.entityType, "comment"), eq(schema.activity.entityId, id)));
    expect(entries.map((e) => e.action).sort()).toEqual(["comment.created", "comment.deleted"]);
  });

  it("refuses a stale edit with a conflict", async () => {
    const author = await createUser(t.db, { role: "editor" });
    const id = await post(author, { targetType: "policy", targetId: (await createPolicy(t.db)).id, body: doc(text("v1")) });
    expect(await actions.editCommentAction(form({ commentId: id, version: 1, body: doc(text("v2")) }))).toMatchObject({ ok: true, version: 2 });
    expect(await actions.editCommentAction(form({ commentId: id, version: 1, body: doc(text("v3")) }))).toMatchObject({ ok: false, status: 409 });
    const [row] = await t.db.select().from(schema.comments).where(eq(schema.comments.id, id));
    expect(row).toMatchObject({ bodyText: "v2", version: 2 });
    expect(row.editedAt).not.toBeNull();
  });
});

describe("bad input", () => {
  it.each([
    ["a script node", JSON.stringify({ type: "doc", content: [{ type: "script", content: [text("alert(1)")] }] })],
    ["a javascript: link", doc(text("click", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))],
    ["an oversize body", doc(text("가".repeat(41_000)))],
    ["an empty document", doc()],
    ["not JSON", "{oops"],
  ])("refuses %s with a field error on body and writes nothing", async (_what, body) => {
    const editor = await createUser(t.db, { role: "editor" });
    const policy = await createPolicy(t.db);
    signInAs(editor);
    const before = await state(t.db);
    const result = await actions.addCommentAction(form({ targetType: "policy", targetId: policy.id, body }));
    expect(result).toMatchObject({ ok: false, status: 400, code: "invalid" });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toEqual(["body"]);
    expect(await state(t.db)).toEqual(before);
  });

  it("refuses a bad target type and id, a missing or deleted target, a mention of a deactivated user", async () => {
    const editor = await createUser(t.db, { role: "editor" });
    const gone = await createUser(t.db, { role: "editor", deactivated: true });
    const deleted = await createPolicy(t.db, { deletedAt: new Date() });
    signInAs(editor);
    const before = await state(t.db);
    const bad = await actions.addCommentAction(form({ targetType: "brief", targetId: "1", body: doc(text("x")) }));
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(["targetId", "targetType"]);
    expect(await actions.addCommentAction(form({ targetType: "policy", targetId: deleted.id, body: doc(text("x")) }))).toMatchObject({ ok: false, status: 404 });
    expect(await actions.addCommentAction(form({ targetType: "response_item", targetId: deleted.id, body: doc(text("x")) }))).toMatchObject({ ok: false, status: 404 });
    const policy = await createPolicy(t.db);
    const result = await actions.addCommentAction(form({ targetType: "policy", targetId: policy.id, body: doc(mention(gone)) }));
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { body: [expect.stringContaining("언급")] } });
    expect(await state(t.db)).toEqual(before);
  });
});

describe("notifications", () => {
  it("notifies a mention once, a reply's parent author once, never the actor, and a mention wins over a reply", async () => {
    const [alice, bob, carol] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "viewer" })];
    const item = await createResponseItem(t.db);
    const root = await post(alice, { targetType: "response_item", targetId: item.id, body: doc(text("hi "), mention(carol), mention(alice)) });
    expect((await notificationsFor(carol.id)).map((n) => [n.kind, n.eventKey, n.entityType, n.entityId])).toEqual([["mention", `comment:${root}`, "response_item", item.id]]);
    expect(await notificationsFor(alice.id)).toEqual([]);

    // Bob replies to Alice and mentions her: one notification for Alice, a mention.
    const reply = await post(bob, { targetType: "response_item", targetId: item.id, parentId: root, body: doc(mention(alice), text(" 확인")) });
    expect((await notificationsFor(alice.id)).map((n) => [n.kind, n.eventKey])).toEqual([["mention", `comment:${reply}`]]);

    // Carol can't comment (viewer); Alice answers Bob's reply: Bob hears "reply", the thread stays one level deep.
    const answer = await post(alice, { targetType: "response_item", targetId: item.id, parentId: reply, body: doc(text("네")) });
    expect((await notificationsFor(bob.id)).map((n) => [n.kind, n.eventKey])).toEqual([["reply", `comment:${answer}`]]);
    const [row] = await t.db.select().from(schema.comments).where(eq(schema.comments.id, answer));
    expect(row.parentId).toBe(root);

    // Editing the reply to mention Bob again and Carol newly: Carol is told once, Bob not twice.
    signInAs(alice);
    expect(await actions.editCommentAction(form({ commentId: answer, version: 1, body: doc(mention(bob), mention(carol)) }))).toMatchObject({ ok: true });
    expect(await actions.editCommentAction(form({ commentId: answer, version: 2, body: doc(mention(bob), mention(carol), text("!")) }))).toMatchObject({ ok: true });
    expect((await notificationsFor(bob.id)).map((n) => n.kind)).toEqual(["reply"]);
    expect((await notificationsFor(carol.id)).map((n) => n.eventKey).sort()).toEqual([`comment:${answer}`, `comment:${root}`].sort());
  });

  it("tells an annotation's author of comments in its thread, and respects muted kinds", async () => {
    const [author, editor, muted] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor", notificationDelivery: { mention: "off" } })];
    const annotation = await createAnnotation(author);
    const id = await post(editor, { targetType: "annotation", targetId: annotation.id, body: doc(text("동의 "), mention(muted)) });
    expect((await notificationsFor(author.id)).map((n) => [n.kind, n.entityType, n.entityId, n.eventKey])).toEqual([["reply", "annotation", annotation.id, `comment:${id}`]]);
    expect(await notificationsFor(muted.id)).toEqual([]);
  });

  it("hides a private annotation from everyone but its author", async () => {
    const [author, editor] = [await createUser(t.db, { role: "editor" }), await createUser(t.db, { role: "editor" })];
    const annotation = await createAnnotation(author);
    await t.db.update(schema.annotations).set({ isPrivate: true }).where(eq(schema.annotations.id, annotation.id));
    signInAs(editor);
    expect(await actions.addCommentAction(form({ targetType: "annotation", targetId: annotation.id, body: doc(text("x")) }))).toMatchObject({ ok: false, status: 404 });
  });
});
