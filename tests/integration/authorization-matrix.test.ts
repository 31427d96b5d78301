import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { openSession } from "@/lib/auth/sessions";
import { hashInvitationToken } from "@/lib/users/invitation-token";
import { CSV_COLUMNS } from "@/lib/policies/csv";
import { createFramework, createImpactRow, createIntakeEntry, createPolicy, createResponseItem, createSourceRow, createUser, type UserFixture } from "../factories";
import { form } from "./auth-mocks";
import {
  actions,
  annotationBy,
  as,
  asActor,
  commentBy,
  type Ctx,
  currentRevision,
  doc,
  expectations,
  fn,
  fresh,
  invitation,
  mentioning,
  notificationFor,
  orphanBy,
  outcomeOf,
  policyFields,
  reattachInput,
  reportBy,
  routes,
  savedSearchOf,
  setUpActors,
  unique,
  users,
  type Who,
} from "./authorization-support";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

/*
 * Who may call what, end to end: every exported server action and every route handler, called
 * by an anonymous visitor, a deactivated member (a session issued before the account was
 * deactivated), a viewer, an editor and an admin, each with a valid input. Then the forged
 * calls: someone else's comment, annotation, private note, notification or account by id.
 * A refusal must leave every row of every table as it was. A new action or route without a
 * row here fails the first test; a row for something that no longer exists fails it too.
 * The pure role → permission rules are tested in tests/unit/permissions.test.ts.
 */

const newSource = () => createSourceRow(db());
const newEntry = (state: "new" | "dismissed" = "new") => createIntakeEntry(db(), { state });

const t = withFreshDatabase();
beforeAll(async () => {
  await seedDatabase(t.db, { adminPassword: "seeded-admin-pw" });
  await setUpActors();
});

/**
 * Expected outcome per actor, in WHO order. Actions: `ok`, `noop` (ok, and nothing written) or
 * the refusal's status (401 unauthenticated, 403 forbidden, 404 not found…); routes: the HTTP status.
 */
/** A working reset link for a new member (what the mail carries): its token. */
async function resetToken(expiresInMs = 60 * 60 * 1000) {
  const user = await createUser(db(), { role: "viewer" });
  const token = randomUUID();
  await db().insert(schema.passwordResets).values({ userId: user.id, tokenHash: hashInvitationToken(token), expiresAt: new Date(Date.now() + expiresInMs) });
  return token;
}

const MEMBERS = "401 401 ok ok ok";
const EDITORS = "401 401 403 ok ok";
const ADMINS = "401 401 403 403 ok";
const MEMBERS_HTTP = "401 401 200 200 200";
const digestSchedule = { digestTime: "08:30", digestTimeZone: "Asia/Seoul", digestFrequency: "daily" };

type ActionRow = {
  expect: string;
  input: (c: Ctx) => Promise<unknown>;
  /** How the action is called, when not `action(input)`. */
  call?: (fn: (...args: unknown[]) => Promise<unknown>, input: unknown) => Promise<unknown>;
};
type RouteRow =
  | { expect: string; params?: (c: Ctx) => Record<string, string>; url?: string; method?: "POST"; body?: (c: Ctx) => Promise<unknown> }
  | { delegated: string };

// ---------------------------------------------------------------------------------------------
// The matrix: one row per server action.            anonymous deactivated viewer editor admin

const actionMatrix: Record<string, ActionRow> = {
  "actions/comments.ts#addCommentAction": {
    expect: EDITORS,
    input: async () => ({ targetType: "policy", targetId: (await createPolicy(db())).id, body: doc("의견") }),
  },
  "actions/comments.ts#editCommentAction": {
    // Their own comment (a viewer's from before a demotion): still refused to a viewer.
    expect: EDITORS,
    input: async (c) => {
      const comment = await commentBy(c.me);
      return { commentId: comment.id, version: comment.version, body: doc("고침") };
    },
  },
  "actions/comments.ts#deleteCommentAction": {
    expect: EDITORS,
    input: async (c) => ({ commentId: (await commentBy(c.me)).id }),
  },
  "actions/impacts.ts#createImpactAction": {
    expect: EDITORS,
    input: async () => ({ policyId: (await createPolicy(db())).id, responseItemId: (await createResponseItem(db())).id, note: "영향" }),
  },
  "actions/impacts.ts#removeImpactAction": {
    expect: EDITORS,
    input: async (c) => {
      const [policy, item] = [await createPolicy(db()), await createResponseItem(db())];
      return { impactId: (await createImpactRow(db(), { policyId: policy.id, responseItemId: item.id, createdById: c.other.id })).id };
    },
  },
  "actions/locale.ts#setLocaleAction": {
    // Signed out, only the cookie changes: nothing is written for a visitor or a deactivated member.
    expect: "noop noop ok ok ok",
    input: async (c) => ((await fresh(c.me)).locale === "en" ? "ko" : "en"),
  },
  "actions/sign-out.ts#signOutAction": {
    // Revokes the request's session row (whoever holds it, even a deactivated member), then
    // next-auth's signOut clears the cookie. Without a session there is nothing to write.
    expect: "noop ok ok ok ok",
    input: async () => undefined,
    call: (action) => action(),
  },
  "actions/presence.ts#presenceHeartbeatAction": {
    expect: MEMBERS,
    input: async (c) => ({ topic: `brief:${c.briefId}` }),
  },
  "(records)/brief/actions.ts#createAnnotationAction": {
    expect: EDITORS,
    input: async (c) => {
      const { revision } = await currentRevision(c);
      return { revisionId: revision.id, start: 1, end: 5, quote: revision.plainText.slice(1, 5), body: doc("새 메모") };
    },
  },
  "(records)/brief/actions.ts#editAnnotationAction": {
    expect: EDITORS,
    input: async (c) => {
      const a = await annotationBy(c, c.me);
      return { annotationId: a.id, version: a.version, body: doc("고친 메모"), tags: "태그" };
    },
  },
  "(records)/brief/actions.ts#reattachAnnotationAction": {
    // Their own orphan (a viewer's from before a demotion): still refused to a viewer.
    expect: EDITORS,
    input: async (c) => reattachInput(c, await orphanBy(c, c.me)),
  },
  "(records)/brief/actions.ts#deleteAnnotationAction": {
    expect: EDITORS,
    input: async (c) => {
      const a = await annotationBy(c, c.me);
      return { annotationId: a.id, version: a.version };
    },
  },
  "(records)/brief/actions.ts#resolveAnnotationAction": {
    // Any editor resolves a shared thread, not only its author.
    expect: EDITORS,
    input: async (c) => {
      const a = await annotationBy(c, c.other);
      return { annotationId: a.id, version: a.version };
    },
  },
  "(records)/brief/actions.ts#reopenAnnotationAction": {
    expect: EDITORS,
    input: async (c) => {
      const a = await annotationBy(c, c.other);
      const { version } = await as<{ version: number }>(c.admin, "(records)/brief/actions.ts#resolveAnnotationAction", { annotationId: a.id, version: a.version });
      return { annotationId: a.id, version };
    },
  },
  "(records)/brief/actions.ts#linkAnnotationAction": {
    expect: EDITORS,
    input: async (c) => ({ annotationId: (await annotationBy(c, c.other)).id, targetType: "policy", targetId: (await createPolicy(db())).id }),
  },
  "(records)/brief/actions.ts#createItemFromAnnotationAction": {
    expect: EDITORS,
    input: async (c) => ({ annotationId: (await annotationBy(c, c.other)).id, title: "메모에서 과제" }),
  },
  "(records)/brief/actions.ts#importW3CAnnotationsAction": {
    expect: EDITORS,
    input: async (c) => {
      const { brief, revision } = await currentRevision(c);
      const data = new FormData();
      data.set("briefId", brief.id);
      data.set("file", new Blob([JSON.stringify({ type: "Annotation", bodyValue: "메모", target: { source: "https://x", selector: { type: "TextQuoteSelector", exact: revision.plainText.slice(0, 6) } } })]), "a.jsonld");
      return data;
    },
  },
  "(records)/brief/actions.ts#publishRevisionAction": {
    expect: EDITORS,
    input: async (c) => {
      const { brief, revision } = await currentRevision(c);
      return { briefId: brief.id, version: brief.version, doc: doc(`${revision.plainText.slice(0, 40)} ${unique()}`), note: "개정" };
    },
  },
  "(auth)/sign-in/actions.ts#signInAction": {
    // Public; a deactivated account's right password is refused like a wrong one.
    expect: "ok 401 ok ok ok",
    input: async (c) => form({ email: c.me.email, password: c.me.password }),
    call: (action, input) => action(null, input),
  },
  "(auth)/invite/[token]/actions.ts#acceptInvitationAction": {
    // Public: the token is the permission.
    expect: "ok ok ok ok ok",
    input: async (c) => ({
      token: (await invitation(c)).path.split("/invite/")[1],
      displayName: "새 멤버",
      password: "long-enough-pw",
      passwordConfirm: "long-enough-pw",
    }),
  },
  "(auth)/forgot-password/actions.ts#requestPasswordResetAction": {
    // Public, and the same answer for every address (a deactivated account's included: no mail).
    expect: "ok ok ok ok ok",
    input: async (c) => ({ email: c.me.email }),
  },
  "(auth)/reset-password/[token]/actions.ts#resetPasswordAction": {
    // Public: the token is the permission.
    expect: "ok ok ok ok ok",
    input: async () => ({ token: await resetToken(), password: "long-enough-pw", passwordConfirm: "long-enough-pw" }),
  },
  "(workspace)/framework/actions.ts#addNodeAction": {
    expect: EDITORS,
    input: async () => ({ dimensionId: (await createFramework(db(), 1)).dimension.id, labelKo: `노드 ${unique()}`, labelEn: `Node ${unique()}` }),
  },
  "(workspace)/framework/actions.ts#updateNodeAction": {
    expect: EDITORS,
    input: async () => {
      const [node] = (await createFramework(db(), 1)).nodes;
      return { id: node.id, version: node.version, labelKo: `바뀐 ${unique()}`, labelEn: node.labelEn };
    },
  },
  "(workspace)/framework/actions.ts#moveNodeAction": {
    expect: EDITORS,
    input: async () => ({ id: (await createFramework(db(), 2)).nodes[0].id, direction: "down" }),
  },
  "(workspace)/framework/actions.ts#mergeNodeAction": {
    expect: EDITORS,
    input: async () => {
      const [a, b] = (await createFramework(db(), 2)).nodes;
      return { id: a.id, intoId: b.id };
    },
  },
  "(workspace)/framework/actions.ts#archiveNodeAction": {
    expect: EDITORS,
    input: async () => ({ id: (await createFramework(db(), 1)).nodes[0].id }),
  },
  "(workspace)/framework/actions.ts#unarchiveNodeAction": {
    expect: EDITORS,
    input: async () => {
      const [node] = (await createFramework(db(), 1)).nodes;
      await db().update(schema.frameworkNodes).set({ archivedAt: new Date() }).where(eq(schema.frameworkNodes.id, node.id));
      return { id: node.id };
    },
  },
  "(workspace)/framework/actions.ts#deleteNodeAction": {
    expect: EDITORS,
    input: async () => ({ id: (await createFramework(db(), 1)).nodes[0].id }),
  },
  "(workspace)/inbox/actions.ts#markNotificationReadAction": {
    expect: MEMBERS,
    input: async (c) => ({ notificationId: (await notificationFor(c.me)).id }),
  },
  "(workspace)/inbox/actions.ts#markAllNotificationsReadAction": {
    expect: MEMBERS,
    input: async (c) => (await notificationFor(c.me), {}),
  },
  "(workspace)/profile/actions.ts#setNotificationPreferencesAction": {
    expect: MEMBERS,
    input: async (c) => ({ due_soon: (await fresh(c.me)).notificationDelivery.due_soon === "off" ? "email" : "off", ...digestSchedule }),
  },
  "(workspace)/mail/actions.ts#sendTestMailAction": {
    // Queued in the outbox (no job runner here): the mail log shows it.
    expect: ADMINS,
    input: async () => ({ to: `test-${unique()}@example.test` }),
  },
  "(workspace)/reports/actions.ts#generateReportAction": {
    expect: EDITORS,
    input: async () => ({ from: "2025-01-01", to: "2025-01-31", language: "ko", sections: ["policies", "blind_spots"] }),
  },
  "(workspace)/reports/actions.ts#deleteReportAction": {
    // Their own report (a viewer's from before a demotion): still refused to a viewer.
    expect: EDITORS,
    input: async (c) => ({ id: (await reportBy(c.me)).id }),
  },
  "(workspace)/saved-searches/actions.ts#saveSearchAction": {
    // A private search: viewers may save those too (sharing is refused to them: see the forged rows).
    expect: MEMBERS,
    input: async () => ({ scope: "policies", query: "type=law", name: `검색 ${unique()}`, alert: "on" }),
  },
  "(workspace)/saved-searches/actions.ts#updateSavedSearchAction": {
    expect: MEMBERS,
    input: async (c) => {
      const search = await savedSearchOf(c.me);
      return { id: search.id, version: search.version, name: `바꾼 이름 ${unique()}` };
    },
  },
  "(workspace)/saved-searches/actions.ts#deleteSavedSearchAction": {
    expect: MEMBERS,
    input: async (c) => ({ id: (await savedSearchOf(c.me)).id }),
  },
  "(workspace)/saved-searches/actions.ts#setSavedSearchAlertAction": {
    // Anyone may follow a search shared with the team.
    expect: MEMBERS,
    input: async (c) => ({ id: (await savedSearchOf(c.other, { shared: true })).id, alert: "on" }),
  },
  "(workspace)/members/actions.ts#inviteMemberAction": {
    expect: ADMINS,
    input: async () => ({ email: `inv-${unique()}@example.test`, role: "editor" }),
  },
  "(workspace)/members/actions.ts#issuePasswordResetAction": {
    expect: ADMINS,
    input: async () => ({ userId: (await createUser(db(), { role: "viewer" })).id }),
  },
  "(workspace)/members/actions.ts#revokeInvitationAction": {
    expect: ADMINS,
    input: async (c) => ({ invitationId: (await invitation(c)).invitationId }),
  },
  "(workspace)/members/actions.ts#changeRoleAction": {
    expect: ADMINS,
    input: async () => {
      const target = await createUser(db(), { role: "viewer" });
      return { userId: target.id, role: "editor", version: target.version };
    },
  },
  "(workspace)/members/actions.ts#deactivateMemberAction": {
    expect: ADMINS,
    input: async () => {
      const target = await createUser(db(), { role: "viewer" });
      return { userId: target.id, version: target.version };
    },
  },
  "(workspace)/members/actions.ts#reactivateMemberAction": {
    expect: ADMINS,
    input: async () => {
      const target = await createUser(db(), { role: "viewer", deactivated: true });
      return { userId: target.id, version: target.version };
    },
  },
  "(workspace)/intake/actions.ts#createSourceAction": {
    expect: EDITORS,
    input: async () => ({ name: `출처 ${unique()}`, url: `https://example.test/${unique()}.xml`, kind: "rss" }),
  },
  "(workspace)/intake/actions.ts#updateSourceAction": {
    expect: EDITORS,
    input: async () => {
      const source = await newSource();
      return { id: source.id, version: source.version, name: "고친 출처", url: source.url, kind: "atom" };
    },
  },
  // Reads the page and saves nothing; a loopback URL is refused before any connection.
  "(workspace)/intake/actions.ts#testSourceAction": { expect: EDITORS, input: async () => ({ name: "시험", url: "http://127.0.0.1:9/feed.xml", kind: "rss" }) },
  "(workspace)/intake/actions.ts#setSourceEnabledAction": { expect: EDITORS, input: async () => ({ id: (await newSource()).id, enabled: false }) },
  "(workspace)/intake/actions.ts#deleteSourceAction": { expect: EDITORS, input: async () => ({ id: (await newSource()).id }) },
  "(workspace)/intake/actions.ts#checkSourceNowAction": { expect: EDITORS, input: async () => ({ id: (await newSource()).id }) },
  "(workspace)/intake/actions.ts#importOpmlAction": {
    expect: EDITORS,
    input: async () => ({ opml: `<opml version="2.0"><body><outline type="rss" text="피드" xmlUrl="https://example.test/${unique()}.xml"/></body></opml>` }),
  },
  "(workspace)/intake/actions.ts#dismissEntriesAction": { expect: EDITORS, input: async () => ({ ids: [(await newEntry()).id] }) },
  "(workspace)/intake/actions.ts#markDuplicateAction": {
    expect: EDITORS,
    input: async () => ({ id: (await newEntry()).id, policyId: (await createPolicy(db())).id }),
  },
  "(workspace)/intake/actions.ts#reopenEntryAction": { expect: EDITORS, input: async () => ({ id: (await newEntry("dismissed")).id }) },
  "(workspace)/policies/actions.ts#reviewSourceChangeAction": {
    expect: EDITORS,
    input: async () => ({ id: (await createPolicy(db(), { sourceUrl: "https://www.gov.cn/x.htm", sourceChangedAt: new Date() })).id }),
  },
  "(workspace)/policies/actions.ts#createPolicyAction": { expect: EDITORS, input: async () => policyFields() },
  "(workspace)/policies/actions.ts#updatePolicyAction": {
    expect: EDITORS,
    input: async () => {
      const policy = await createPolicy(db());
      return { ...policyFields(), id: policy.id, version: policy.version };
    },
  },
  "(workspace)/policies/actions.ts#deletePolicyAction": {
    expect: ADMINS,
    input: async () => ({ id: (await createPolicy(db())).id }),
  },
  "(workspace)/policies/actions.ts#restorePolicyAction": {
    expect: ADMINS,
    input: async (c) => {
      const policy = await createPolicy(db());
      await as(c.admin, "(workspace)/policies/actions.ts#deletePolicyAction", { id: policy.id });
      return { id: policy.id };
    },
  },
  "(workspace)/policies/actions.ts#importPoliciesAction": {
    expect: EDITORS,
    input: async () => {
      const row = CSV_COLUMNS.map((column) => (column === "title_zh" ? `导入权限${unique()}` : column === "title_ko" ? `가져오기 ${unique()}` : ""));
      return { csv: `${CSV_COLUMNS.join(",")}\r\n${row.join(",")}\r\n`, dryRun: false };
    },
  },
  "(workspace)/profile/actions.ts#changePasswordAction": {
    // The same password again: the account's later rows still sign in with it.
    expect: MEMBERS,
    input: async (c) => ({ currentPassword: c.me.password, newPassword: c.me.password, newPasswordConfirm: c.me.password }),
  },
  "(workspace)/profile/actions.ts#endSessionAction": {
    // One's own other session; someone else's is not found (see the forged ids).
    expect: MEMBERS,
    input: async (c) => ({ sessionId: await openSession(await fresh(c.me), { userAgent: "another browser" }) }),
  },
  "(workspace)/profile/actions.ts#signOutEverywhereAction": {
    expect: MEMBERS,
    input: async () => ({}),
  },
  "(workspace)/response-items/actions.ts#createResponseItemAction": {
    expect: EDITORS,
    input: async () => ({ title: `과제 ${unique()}`, priority: "medium" }),
  },
  "(workspace)/response-items/actions.ts#updateResponseItemAction": {
    expect: EDITORS,
    input: async () => {
      const item = await createResponseItem(db());
      return { id: item.id, version: item.version, title: "고친 과제", priority: "high" };
    },
  },
  "(workspace)/response-items/actions.ts#assignOwnerAction": {
    expect: EDITORS,
    input: async (c) => ({ id: (await createResponseItem(db())).id, version: 1, ownerId: c.other.id }),
  },
  "(workspace)/response-items/actions.ts#addProgressUpdateAction": {
    // Someone else's item: a viewer may write updates on their own items only (see the forged rows).
    expect: EDITORS,
    input: async (c) => ({ id: (await createResponseItem(db(), { ownerId: c.other.id })).id, version: 1, status: "in_progress", body: "진행" }),
  },
  "(workspace)/response-items/actions.ts#archiveResponseItemAction": {
    expect: EDITORS,
    input: async () => {
      const item = await createResponseItem(db());
      return { id: item.id, version: item.version };
    },
  },
  "(workspace)/response-items/actions.ts#unarchiveResponseItemAction": {
    expect: EDITORS,
    input: async (c) => {
      const item = await createResponseItem(db());
      const { version } = await as<{ version: number }>(c.admin, "(workspace)/response-items/actions.ts#archiveResponseItemAction", {
        id: item.id,
        version: item.version,
      });
      return { id: item.id, version };
    },
  },
};

// One row per route handler method.                     anonymous deactivated viewer editor admin
const routeMatrix: Record<string, RouteRow> = {
  "api/health/route.ts#GET": { expect: "200 200 200 200 200" },
  "api/live/route.ts#GET": { expect: MEMBERS_HTTP },
  "api/session/route.ts#GET": { expect: MEMBERS_HTTP },
  // Leaving a page no one has open changes nothing: the "writes nothing" check holds for 204 too.
  "api/presence/leave/route.ts#POST": { expect: "401 401 204 204 204", method: "POST", body: async () => ({ topic: `brief:${randomUUID()}` }) },
  "api/policies/export.csv/route.ts#GET": { expect: MEMBERS_HTTP, url: "http://localhost/api/policies/export.csv?q=정책" },
  "api/policies/export.json/route.ts#GET": { expect: MEMBERS_HTTP },
  "api/search/route.ts#GET": { expect: MEMBERS_HTTP, url: "http://localhost/api/search?q=정책" },
  "api/intake/sources.opml/route.ts#GET": { expect: MEMBERS_HTTP },
  "api/response-items/export.csv/route.ts#GET": { expect: MEMBERS_HTTP },
  // Every member downloads reports (a saved one by a viewer: reports.test.ts). The period's DOCX here.
  "api/reports/[file]/route.ts#GET": { expect: MEMBERS_HTTP, params: () => ({ file: "period.docx" }), url: "http://localhost/api/reports/period.docx?from=2025-01-01&to=2025-01-31" },
  "api/briefs/[id]/export.md/route.ts#GET": { expect: MEMBERS_HTTP, params: (c) => ({ id: c.briefId }) },
  "api/briefs/[id]/annotations.json/route.ts#GET": { expect: MEMBERS_HTTP, params: (c) => ({ id: c.briefId }) },
  // The signed token in the URL is the only permission (tests/integration/mail.test.ts follows a
  // valid one); no session, however privileged, unsubscribes anyone without it.
  "api/mail/unsubscribe/route.ts#GET": { expect: "400 400 400 400 400" },
  "api/mail/unsubscribe/route.ts#POST": { expect: "400 400 400 400 400", method: "POST", url: "http://localhost/api/mail/unsubscribe?token=forged.token" },
  "api/auth/[...nextauth]/route.ts#GET": { delegated: "Auth.js' own endpoints (csrf, session, providers): public by design" },
  "api/auth/[...nextauth]/route.ts#POST": { delegated: "Auth.js' credentials callback and sign-out: what they check is lib/auth/credentials.ts, tested in auth.test.ts" },
};

// ---------------------------------------------------------------------------------------------
// Forged calls: valid ids of things that belong to someone else.

type Forged = {
  key: string;
  who: Who;
  expect: string;
  input: (c: Ctx) => Promise<unknown>;
  /** What must stay as it was even when the call succeeds (the victim's rows). */
  untouched?: (c: Ctx) => Promise<unknown>;
  /** Tables a refusal may write to anyway, with the reason. */
  mayWrite?: Record<string, string>;
};

const A = {
  addComment: "actions/comments.ts#addCommentAction",
  editComment: "actions/comments.ts#editCommentAction",
  deleteComment: "actions/comments.ts#deleteCommentAction",
  editAnnotation: "(records)/brief/actions.ts#editAnnotationAction",
  deleteAnnotation: "(records)/brief/actions.ts#deleteAnnotationAction",
  reattachAnnotation: "(records)/brief/actions.ts#reattachAnnotationAction",
  resolveAnnotation: "(records)/brief/actions.ts#resolveAnnotationAction",
  linkAnnotation: "(records)/brief/actions.ts#linkAnnotationAction",
  itemFromAnnotation: "(records)/brief/actions.ts#createItemFromAnnotationAction",
  markRead: "(workspace)/inbox/actions.ts#markNotificationReadAction",
  markAllRead: "(workspace)/inbox/actions.ts#markAllNotificationsReadAction",
  mute: "(workspace)/profile/actions.ts#setNotificationPreferencesAction",
  locale: "actions/locale.ts#setLocaleAction",
  password: "(workspace)/profile/actions.ts#changePasswordAction",
  changeRole: "(workspace)/members/actions.ts#changeRoleAction",
  deactivate: "(workspace)/members/actions.ts#deactivateMemberAction",
  revoke: "(workspace)/members/actions.ts#revokeInvitationAction",
  accept: "(auth)/invite/[token]/actions.ts#acceptInvitationAction",
  resetPassword: "(auth)/reset-password/[token]/actions.ts#resetPasswordAction",
  issueReset: "(workspace)/members/actions.ts#issuePasswordResetAction",
  progress: "(workspace)/response-items/actions.ts#addProgressUpdateAction",
  presence: "actions/presence.ts#presenceHeartbeatAction",
  endSession: "(workspace)/profile/actions.ts#endSessionAction",
  saveSearch: "(workspace)/saved-searches/actions.ts#saveSearchAction",
  updateSearch: "(workspace)/saved-searches/actions.ts#updateSavedSearchAction",
  deleteSearch: "(workspace)/saved-searches/actions.ts#deleteSavedSearchAction",
  searchAlert: "(workspace)/saved-searches/actions.ts#setSavedSearchAlertAction",
  deleteReport: "(workspace)/reports/actions.ts#deleteReportAction",
} as const;

const othersComment = async (c: Ctx) => commentBy(c.other);
const othersReply = async (c: Ctx) => commentBy(c.other, { targetType: "annotation", targetId: (await annotationBy(c, c.admin)).id });
const editOf = (comment: schema.Comment) => ({ commentId: comment.id, version: comment.version, body: doc("가로챈 댓글") });
const versionOf = (a: { id: string; version: number }) => ({ annotationId: a.id, version: a.version });
const privateNote = (c: Ctx) => annotationBy(c, c.other, { isPrivate: true });
const userRow = (user: UserFixture) => async () => (await fresh(user)) as unknown;

const notificationsOf = (who: "other") => async () => db().select().from(schema.notifications).where(eq(schema.notifications.userId, users[who].id));
// The victim of each row is remembered between `input` and `untouched`.
let victim: { id: string } = { id: "" };
const remember = <T extends { id: string }>(row: T) => ((victim = row), row);
const notificationRow = async () => db().select().from(schema.notifications).where(eq(schema.notifications.id, victim.id));

const searchRow = async () => db().select().from(schema.savedSearches).where(eq(schema.savedSearches.id, victim.id));
const renameOf = (search: schema.SavedSearch) => ({ id: search.id, version: search.version, name: `가로챈 ${unique()}`, shared: "on" });

const reportRow = async () => db().select().from(schema.reports).where(eq(schema.reports.id, victim.id));

const forged: Record<string, Forged> = {
  "an editor deletes another member's report": { key: A.deleteReport, who: "editor", expect: "403", input: async (c) => ({ id: remember(await reportBy(c.other)).id }), untouched: reportRow },
  "an admin deletes another member's report (by design)": { key: A.deleteReport, who: "admin", expect: "ok", input: async (c) => ({ id: (await reportBy(c.other)).id }) },
  "a viewer saves a search shared with the team": {
    key: A.saveSearch,
    who: "viewer",
    expect: "403",
    input: async () => ({ scope: "policies", query: "", name: `공유 ${unique()}`, shared: "on" }),
  },
  "a viewer shares their own private search": { key: A.updateSearch, who: "viewer", expect: "403", input: async (c) => renameOf(remember(await savedSearchOf(c.me))), untouched: searchRow },
  "an editor renames another member's private search": { key: A.updateSearch, who: "editor", expect: "404", input: async (c) => renameOf(remember(await savedSearchOf(c.other))), untouched: searchRow },
  "an admin deletes another member's private search": { key: A.deleteSearch, who: "admin", expect: "404", input: async (c) => ({ id: remember(await savedSearchOf(c.other)).id }), untouched: searchRow },
  "an editor follows another member's private search": {
    key: A.searchAlert,
    who: "editor",
    expect: "404",
    input: async (c) => ({ id: (await savedSearchOf(c.other)).id, alert: "on" }),
  },
  "an editor renames another member's shared search": {
    key: A.updateSearch,
    who: "editor",
    expect: "403",
    input: async (c) => renameOf(remember(await savedSearchOf(c.other, { shared: true }))),
    untouched: searchRow,
  },
  "an editor deletes another member's shared search": {
    key: A.deleteSearch,
    who: "editor",
    expect: "403",
    input: async (c) => ({ id: remember(await savedSearchOf(c.other, { shared: true })).id }),
    untouched: searchRow,
  },
  "an admin deletes another member's shared search (keeping the team's list tidy, by design)": {
    key: A.deleteSearch,
    who: "admin",
    expect: "ok",
    input: async (c) => ({ id: (await savedSearchOf(c.other, { shared: true })).id }),
  },
  "an editor edits another member's comment": { key: A.editComment, who: "editor", expect: "403", input: async (c) => editOf(await othersComment(c)) },
  "an editor deletes another member's comment": { key: A.deleteComment, who: "editor", expect: "403", input: async (c) => ({ commentId: (await othersComment(c)).id }) },
  "an admin edits another member's comment (only its author may)": { key: A.editComment, who: "admin", expect: "403", input: async (c) => editOf(await othersComment(c)) },
  "an admin deletes another member's comment (moderation, by design)": { key: A.deleteComment, who: "admin", expect: "ok", input: async (c) => ({ commentId: (await othersComment(c)).id }) },
  "an editor edits another member's reply on an annotation": { key: A.editComment, who: "editor", expect: "403", input: async (c) => editOf(await othersReply(c)) },
  "an editor deletes another member's reply on an annotation": { key: A.deleteComment, who: "editor", expect: "403", input: async (c) => ({ commentId: (await othersReply(c)).id }) },
  "an editor replies under a comment of another thread": {
    key: A.addComment,
    who: "editor",
    expect: "404",
    input: async (c) => ({ targetType: "policy", targetId: (await createPolicy(db())).id, parentId: (await othersComment(c)).id, body: doc("끼어들기") }),
  },
  "an editor edits another member's annotation": {
    key: A.editAnnotation,
    who: "editor",
    expect: "403",
    input: async (c) => ({ ...versionOf(await annotationBy(c, c.other)), body: doc("가로챈 메모") }),
  },
  "an editor deletes another member's annotation": { key: A.deleteAnnotation, who: "editor", expect: "403", input: async (c) => versionOf(await annotationBy(c, c.other)) },
  "an admin deletes another member's annotation": { key: A.deleteAnnotation, who: "admin", expect: "403", input: async (c) => versionOf(await annotationBy(c, c.other)) },
  "an editor edits another member's private note": { key: A.editAnnotation, who: "editor", expect: "404", input: async (c) => ({ ...versionOf(await privateNote(c)), body: doc("엿보기") }) },
  "an editor re-attaches another member's orphaned annotation": {
    key: A.reattachAnnotation,
    who: "editor",
    expect: "403",
    input: async (c) => reattachInput(c, await orphanBy(c, c.other)),
  },
  "an admin re-attaches another member's orphaned private note": {
    key: A.reattachAnnotation,
    who: "admin",
    expect: "404",
    input: async (c) => reattachInput(c, await orphanBy(c, c.other, { isPrivate: true })),
  },
  "an editor deletes another member's private note": { key: A.deleteAnnotation, who: "editor", expect: "404", input: async (c) => versionOf(await privateNote(c)) },
  "an admin resolves another member's private note": { key: A.resolveAnnotation, who: "admin", expect: "404", input: async (c) => versionOf(await privateNote(c)) },
  "an editor links another member's private note to a policy": {
    key: A.linkAnnotation,
    who: "editor",
    expect: "404",
    input: async (c) => ({ annotationId: (await privateNote(c)).id, targetType: "policy", targetId: (await createPolicy(db())).id }),
  },
  "an editor turns another member's private note into an item": { key: A.itemFromAnnotation, who: "editor", expect: "404", input: async (c) => ({ annotationId: (await privateNote(c)).id }) },
  "an editor replies to another member's private note": {
    key: A.addComment,
    who: "editor",
    expect: "404",
    input: async (c) => ({ targetType: "annotation", targetId: (await privateNote(c)).id, body: doc("답글") }),
  },
  "a reply in one's own private note's thread tells the people it mentions nothing": {
    key: A.addComment,
    who: "editor",
    expect: "ok",
    input: async (c) => ({ targetType: "annotation", targetId: (await annotationBy(c, c.me, { isPrivate: true })).id, body: mentioning(c.other) }),
    untouched: notificationsOf("other"),
  },
  "editing a reply in one's own private note's thread tells the people it mentions nothing": {
    key: A.editComment,
    who: "editor",
    expect: "ok",
    input: async (c) => {
      const reply = await commentBy(c.me, { targetType: "annotation", targetId: (await annotationBy(c, c.me, { isPrivate: true })).id });
      return { commentId: reply.id, version: reply.version, body: mentioning(c.other) };
    },
    untouched: notificationsOf("other"),
  },
  "a viewer resolves an annotation": { key: A.resolveAnnotation, who: "viewer", expect: "403", input: async (c) => versionOf(await annotationBy(c, c.me)) },
  "an editor marks another member's notification read": {
    key: A.markRead,
    who: "editor",
    expect: "404",
    input: async (c) => ({ notificationId: remember(await notificationFor(c.other)).id }),
  },
  "a viewer marks another member's notification read": {
    key: A.markRead,
    who: "viewer",
    expect: "404",
    input: async (c) => ({ notificationId: remember(await notificationFor(c.other)).id }),
  },
  "marking all read leaves another member's notifications unread": {
    key: A.markAllRead,
    who: "editor",
    expect: "ok",
    input: async (c) => (remember(await notificationFor(c.other)), { userId: c.other.id }),
    untouched: notificationRow,
  },
  "an editor changes a password with another member's id and current password": {
    key: A.password,
    who: "editor",
    expect: "400",
    input: async (c) => ({ userId: c.other.id, currentPassword: c.other.password, newPassword: "taken-over-pw", newPasswordConfirm: "taken-over-pw" }),
    untouched: (c) => userRow(c.other)(),
    mayWrite: { rate_limit_buckets: "a wrong current password counts against the account's sign-in limit" },
  },
  "an admin ends another member's session": {
    key: A.endSession,
    who: "admin",
    expect: "404",
    input: async (c) => ({ sessionId: await openSession(await fresh(c.other), { userAgent: "their browser" }) }),
    untouched: async (c) => db().select().from(schema.sessions).where(eq(schema.sessions.userId, c.other.id)),
  },
  "an editor sets the language with another member's id": {
    key: A.locale,
    who: "editor",
    expect: "ok",
    input: async (c) => form({ locale: (await fresh(c.other)).locale === "en" ? "ko" : "en", userId: c.other.id }),
    untouched: (c) => userRow(c.other)(),
  },
  "an editor sets notification preferences with another member's id": {
    key: A.mute,
    who: "editor",
    expect: "ok",
    input: async (c) => ({ userId: c.other.id, reply: (await fresh(c.me)).notificationDelivery.reply === "off" ? "email" : "off", ...digestSchedule }),
    untouched: (c) => userRow(c.other)(),
  },
  "a heartbeat with another member's id counts only the caller": {
    key: A.presence,
    who: "viewer",
    expect: "ok",
    input: async (c) => ({ topic: `brief:${c.briefId}`, userId: c.other.id }),
    untouched: async (c) => db().select().from(schema.presence).where(eq(schema.presence.userId, c.other.id)),
  },
  "an editor promotes themself to admin": {
    key: A.changeRole,
    who: "editor",
    expect: "403",
    input: async (c) => ({ userId: c.me.id, role: "admin", version: (await fresh(c.me)).version }),
  },
  "an editor deactivates an admin": {
    key: A.deactivate,
    who: "editor",
    expect: "403",
    input: async (c) => ({ userId: c.admin.id, version: (await fresh(c.admin)).version }),
  },
  "an editor revokes an admin's invitation": { key: A.revoke, who: "editor", expect: "403", input: async (c) => ({ invitationId: (await invitation(c)).invitationId }) },
  "a revoked invitation's token creates no account": {
    key: A.accept,
    who: "anonymous",
    expect: "410",
    input: async (c) => {
      const { invitationId, path } = await invitation(c);
      await as(c.admin, A.revoke, { invitationId });
      return { token: path.split("/invite/")[1], displayName: "침입자", password: "long-enough-pw", passwordConfirm: "long-enough-pw" };
    },
  },
  "a used reset link sets no password": {
    key: A.resetPassword,
    who: "anonymous",
    expect: "410",
    input: async () => {
      const token = await resetToken();
      await db().update(schema.passwordResets).set({ usedAt: new Date() }).where(eq(schema.passwordResets.tokenHash, hashInvitationToken(token)));
      return { token, password: "taken-over-pw", passwordConfirm: "taken-over-pw" };
    },
  },
  "an expired reset link sets no password": {
    key: A.resetPassword,
    who: "anonymous",
    expect: "410",
    input: async () => ({ token: await resetToken(-1), password: "taken-over-pw", passwordConfirm: "taken-over-pw" }),
  },
  "an editor issues a reset link for an admin": { key: A.issueReset, who: "editor", expect: "403", input: async (c) => ({ userId: c.admin.id }) },
  "a viewer writes a progress update on their own item": {
    key: A.progress,
    who: "viewer",
    expect: "ok",
    input: async (c) => ({ id: (await createResponseItem(db(), { ownerId: c.me.id })).id, version: 1, status: "in_progress", body: "내 과제 진행" }),
  },
  "a viewer's update on their own item cannot acknowledge another item's impact": {
    key: A.progress,
    who: "viewer",
    expect: "ok",
    input: async (c) => {
      const [mine, theirs, policy] = [await createResponseItem(db(), { ownerId: c.me.id }), await createResponseItem(db()), await createPolicy(db())];
      const impact = remember(await createImpactRow(db(), { policyId: policy.id, responseItemId: theirs.id, createdById: c.other.id }));
      return { id: mine.id, version: mine.version, status: "in_progress", body: "확인", acknowledgeImpactIds: [impact.id] };
    },
    untouched: async () => db().select().from(schema.impacts).where(eq(schema.impacts.id, victim.id)),
  },
};

/** Route calls with someone else's private note on the brief: the note never comes out. */
const forgedRoutes: Record<string, { key: string; who: Who }> = {
  "an editor exports the brief's annotations (JSON) with another member's private note": { key: "api/briefs/[id]/annotations.json/route.ts#GET", who: "editor" },
  "an admin exports the brief (Markdown) with another member's private note": { key: "api/briefs/[id]/export.md/route.ts#GET", who: "admin" },
};

const actionCases = Object.entries(actionMatrix).flatMap(([key, row]) =>
  Object.entries(expectations(row.expect)).map(([who, outcome]) => [`${key} as ${who}: ${outcome}`, { key, who: who as Who, outcome, row }] as const),
);
const routeCases = Object.entries(routeMatrix).flatMap(([key, row]) =>
  "delegated" in row ? [] : Object.entries(expectations(row.expect)).map(([who, status]) => [`${key} as ${who}: ${status}`, { key, who: who as Who, status, row }] as const),
);

describe("the authorization matrix", () => {
  it("has a row for every server action and route handler, and none for what no longer exists", () => {
    expect(actions.size).toBeGreaterThan(30);
    expect(routes.size).toBeGreaterThan(5);
    const missing = [...[...actions.keys()].filter((k) => !(k in actionMatrix)), ...[...routes.keys()].filter((k) => !(k in routeMatrix))];
    expect(missing, `entry points without a row in the authorization matrix: ${missing.join(", ")}`).toEqual([]);
    const stale = [
      ...Object.keys(actionMatrix).filter((k) => !actions.has(k)),
      ...Object.keys(routeMatrix).filter((k) => !routes.has(k)),
      ...Object.values(forged).map((f) => f.key).filter((k) => !actions.has(k)),
      ...Object.values(forgedRoutes).map((f) => f.key).filter((k) => !routes.has(k)),
    ];
    expect(stale, `rows for entry points that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  it.each(actionCases)("%s", async (_name, { key, who, outcome, row }) => {
    const action = fn(key);
    const refusal = outcome !== "ok"; // (or a no-op): only then is "nothing written" checked
    const { result, changed } = await asActor(who, row.input, (input) => (row.call ? row.call(action, input) : action(input)), refusal);
    const got = outcomeOf(result);
    expect(got, `result: ${JSON.stringify(result)}`).toBe(outcome === "noop" ? "ok" : outcome);
    if (refusal) expect(changed, `a ${outcome === "noop" ? "no-op" : "refusal"} must write nothing`).toEqual([]);
  });

  it.each(routeCases)("%s", async (_name, { key, who, status, row }) => {
    const handler = routes.get(key)!;
    const { result, changed } = await asActor(
      who,
      async (c) => ({ params: Promise.resolve(row.params?.(c) ?? {}), body: row.body ? JSON.stringify(await row.body(c)) : undefined }),
      async ({ body, ...context }) => {
        const url = row.url ?? `http://localhost/${key.replace(/\/route\.ts#\w+$/, "")}`;
        const init = { method: row.method ?? "GET", body, headers: body ? { "content-type": "application/json" } : undefined };
        const response = await handler(new Request(url, { ...init, signal: AbortSignal.timeout(5_000) }), context);
        await response.body?.cancel(); // the live stream stays open otherwise
        return response;
      },
    );
    expect((result as Response).status).toBe(Number(status));
    expect(changed, "a GET (or a departure from a page no one had open) writes nothing").toEqual([]);
  });
});

describe("forged ids", () => {
  it.each(Object.entries(forged))("%s", async (_name, row) => {
    let before: unknown;
    const { c, result, changed } = await asActor(
      row.who,
      async (c) => {
        const input = await row.input(c);
        before = await row.untouched?.(c);
        return input;
      },
      (input) => fn(row.key)(input),
    );
    expect(outcomeOf(result), `result: ${JSON.stringify(result)}`).toBe(row.expect);
    if (row.expect !== "ok") expect(changed.filter((table) => !(table in (row.mayWrite ?? {}))), "a refusal must write nothing").toEqual([]);
    if (row.untouched) expect(await row.untouched(c)).toEqual(before);
  });

  it.each(Object.entries(forgedRoutes))("%s: 200 without the note", async (_name, { key, who }) => {
    const [secret, own, shared] = [`비공개-${unique()}`, `내 메모-${unique()}`, `공유-${unique()}`];
    const { result } = await asActor(
      who,
      async (c) => {
        await annotationBy(c, c.other, { isPrivate: true, text: secret });
        await annotationBy(c, c.me, { isPrivate: true, text: own });
        await annotationBy(c, c.other, { text: shared });
        return c.briefId;
      },
      async (id) => {
        const response = await routes.get(key)!(new Request("http://localhost/"), { params: Promise.resolve({ id }) });
        return { status: response.status, body: await response.text() };
      },
    );
    const { status, body } = result as { status: number; body: string };
    expect(status).toBe(200);
    expect(body).not.toContain(secret);
    // The same export does carry what the reader may see: their own private note and shared ones.
    expect(body).toContain(own);
    expect(body).toContain(shared);
  });
});
