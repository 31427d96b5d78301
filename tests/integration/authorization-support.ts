import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import * as schema from "@/db/schema";
import { createPolicy, createUser, type UserFixture } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { discoverRouteHandlers, discoverServerActions } from "./discovery";
import { changedTables, tableDigests } from "./table-digest";

/*
 * The actors, fixtures and runner of authorization-matrix.test.ts. Importing this module imports
 * every server action and route handler: the test file declares its module mocks first.
 */

export const actions = await discoverServerActions();
export const routes = await discoverRouteHandlers();

export const WHO = ["anonymous", "deactivated", "viewer", "editor", "admin"] as const;
export type Who = (typeof WHO)[number];

/**
 * `me` is the user the actor is: for `anonymous`, an active editor whose session is not sent
 * (the input is valid for them); `other` is another editor who owns what the actor may not touch.
 */
export type Ctx = { me: UserFixture; other: UserFixture; admin: UserFixture; briefId: string };

// ---------------------------------------------------------------------------------------------
// Fixtures: made directly in the database or through the real actions as someone else.

let serial = 0;
export const unique = () => `${Date.now().toString(36)}${serial++}`;
export const doc = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export const fn = (key: string) => {
  const found = actions.get(key);
  if (!found) throw new Error(`no server action ${key}`);
  return found;
};

export async function fresh(user: UserFixture): Promise<UserFixture> {
  const [row] = await db().select().from(schema.users).where(eq(schema.users.id, user.id));
  return { ...row, password: user.password };
}

/** Runs `key` as `user` for setup; the call must succeed. */
export async function as<T = Record<string, unknown>>(user: UserFixture, key: string, input: unknown): Promise<T> {
  resetRequest();
  signInAs(await fresh(user));
  const result = (await fn(key)(input)) as { ok?: boolean };
  if (!result?.ok) throw new Error(`setup ${key} failed: ${JSON.stringify(result)}`);
  return result as T;
}

export async function commentBy(author: UserFixture, target?: { targetType: "annotation" | "policy"; targetId: string }) {
  const on = target ?? { targetType: "policy" as const, targetId: (await createPolicy(db())).id };
  const [row] = await db()
    .insert(schema.comments)
    .values({ ...on, authorId: author.id, body: JSON.parse(doc("댓글")), bodyText: "댓글" })
    .returning();
  return row;
}

export async function currentRevision(c: Ctx) {
  const [brief] = await db().select().from(schema.briefs).where(eq(schema.briefs.id, c.briefId));
  const [revision] = await db().select().from(schema.briefRevisions).where(eq(schema.briefRevisions.id, brief.currentRevisionId!));
  return { brief, revision };
}

/** An annotation on the current revision whose author is `author` (made by the admin, then handed over). */
export async function annotationBy(c: Ctx, author: UserFixture, options: { isPrivate?: boolean; text?: string } = {}) {
  const { revision } = await currentRevision(c);
  const quote = revision.plainText.slice(0, 6);
  const { annotationId } = await as<{ annotationId: string }>(c.admin, "(records)/brief/actions.ts#createAnnotationAction", {
    revisionId: revision.id,
    start: 0,
    end: quote.length,
    quote,
    body: doc(options.text ?? "메모"),
    isPrivate: options.isPrivate ?? false,
  });
  const [row] = await db().update(schema.annotations).set({ authorId: author.id }).where(eq(schema.annotations.id, annotationId)).returning();
  return row;
}

/** `annotationBy`, its words then lost on the current revision: an orphan to re-attach. */
export async function orphanBy(c: Ctx, author: UserFixture, options: { isPrivate?: boolean } = {}) {
  const row = await annotationBy(c, author, options);
  await db()
    .update(schema.annotationAnchors)
    .set({ start: null, end: null, orphaned: true, method: "orphaned" })
    .where(and(eq(schema.annotationAnchors.annotationId, row.id), eq(schema.annotationAnchors.revisionId, row.revisionId)));
  return row;
}

/** The input that re-attaches `orphan` to the current revision's first words. */
export async function reattachInput(c: Ctx, orphan: { id: string; version: number }) {
  const { revision } = await currentRevision(c);
  return { annotationId: orphan.id, version: orphan.version, revisionId: revision.id, start: 2, end: 8 };
}

export async function notificationFor(user: UserFixture) {
  const [row] = await db()
    .insert(schema.notifications)
    .values({ userId: user.id, kind: "mention", entityType: "policy", entityId: randomUUID(), eventKey: unique() })
    .returning();
  return row;
}

/** A saved policies search owned by `owner` (private unless `shared`). */
export async function savedSearchOf(owner: UserFixture, options: { shared?: boolean } = {}) {
  const [row] = await db()
    .insert(schema.savedSearches)
    .values({ ownerId: owner.id, scope: "policies", name: `검색 ${unique()}`, query: "type=law", shared: options.shared ?? false })
    .returning();
  return row;
}

/** A saved report authored by `author` (made directly: a viewer's may date from before a demotion). */
export async function reportBy(author: UserFixture) {
  const content = { from: "2025-01-01", to: "2025-01-07", language: "ko" as const, sections: ["blind_spots" as const], blindSpots: [] };
  const [row] = await db()
    .insert(schema.reports)
    .values({ title: `보고서 ${unique()}`, periodFrom: content.from, periodTo: content.to, language: "ko", sections: content.sections, authorId: author.id, content })
    .returning();
  return row;
}

export async function invitation(c: Ctx) {
  return as<{ invitationId: string; path: string }>(c.admin, "(workspace)/members/actions.ts#inviteMemberAction", {
    email: `inv-${unique()}@example.test`,
    role: "editor",
  });
}

export const policyFields = () => ({ titleZh: `权限测试${unique()}`, titleKo: `권한 ${unique()}`, confirmDuplicates: true });

export const mentioning = (user: UserFixture) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: user.id, label: user.displayName } }] }] });

// ---------------------------------------------------------------------------------------------
// The runner.

export const users = {} as Record<Who | "other", UserFixture>;
let briefId = "";
const ctxFor = (who: Who): Ctx => ({ me: users[who], other: users.other, admin: users.admin, briefId });

/** The actors' accounts and the seeded brief, once per file (after the database is seeded). */
export async function setUpActors() {
  [briefId] = (await db().select({ id: schema.briefs.id }).from(schema.briefs).limit(1)).map((b) => b.id);
  for (const [who, role] of [
    ["anonymous", "editor"],
    ["deactivated", "admin"],
    ["viewer", "viewer"],
    ["editor", "editor"],
    ["admin", "admin"],
    ["other", "editor"],
  ] as const) {
    users[who] = await createUser(db(), { role });
  }
}

// A live stream holds a row in `live_connections` while it is open (freed as it closes, after the
// response is cancelled): bookkeeping of connections, not a write by the request.
const digest = () => tableDigests(db(), { except: ["live_connections"] });

/** An action's result as a token of the matrix: `ok`, or the refusal's HTTP status. */
export function outcomeOf(result: unknown): string {
  if (result === undefined || result === null) return "ok"; // signOut (void), signIn (null, then a redirect)
  const r = result as { ok?: boolean; status?: number };
  return r.ok ? "ok" : String(r.status);
}

/**
 * Prepares the input (setup as whoever it needs), then presents `who`'s session: none for
 * anonymous; for deactivated, the session they held before their account was deactivated.
 */
export async function asActor<T>(who: Who, prepare: (c: Ctx) => Promise<T>, act: (input: T) => Promise<unknown>, track = true) {
  const c = ctxFor(who);
  resetRequest();
  const input = await prepare(c);
  resetRequest();
  const me = await fresh(c.me);
  if (who === "deactivated") await db().update(schema.users).set({ deactivatedAt: new Date() }).where(eq(schema.users.id, me.id));
  // The session row exists before the digest, as it does for a browser that signed in earlier.
  if (who !== "anonymous") await signInAs(me)();
  try {
    const before = track ? await digest() : {};
    const result = await act(input);
    return { c, input, result, changed: track ? changedTables(before, await digest()) : [] };
  } finally {
    if (who === "deactivated") await db().update(schema.users).set({ deactivatedAt: null }).where(eq(schema.users.id, me.id));
  }
}

export function expectations(line: string): Record<Who, string> {
  const tokens = line.split(/\s+/);
  if (tokens.length !== WHO.length) throw new Error(`"${line}" must have one outcome per actor: ${WHO.join(" ")}`);
  return Object.fromEntries(WHO.map((who, i) => [who, tokens[i]])) as Record<Who, string>;
}
