import { count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { CSV_COLUMNS } from "@/lib/policies/csv";
import { createImpactRow, createIntakeEntry, createPolicy, createResponseItem, createSourceRow, createUser, type UserFixture } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { discoverServerActions } from "./discovery";
import { withFreshDatabase } from "./harness";
import { changedTables, tableDigests } from "./table-digest";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

/*
 * Issue 6: "every mutation writes one activity entry". This file walks EVERY exported server
 * action of the app (every module under app/ that starts with "use server") and calls each with a
 * valid input as an admin. If a call changes any row outside `activity`, it must also have added
 * an activity entry. A new action that is neither in `cases` nor in `noActivity` fails the suite.
 */

const discovered = await discoverServerActions();
const action = (key: string) => {
  const fn = discovered.get(key);
  if (!fn) throw new Error(`no server action ${key}`);
  return fn;
};

/**
 * Actions that write no activity entry ON PURPOSE. Each still runs here and must not leave an
 * activity entry behind unexpectedly; what they change is personal state, not team records.
 */
const noActivity: Record<string, string> = {
  // Reading your own notifications is not a team event (and would flood the activity screen).
  "(workspace)/inbox/actions.ts#markNotificationReadAction": "personal read marker",
  "(workspace)/inbox/actions.ts#markAllNotificationsReadAction": "personal read marker",
  // Presence rows expire after 45 s; a heartbeat every 20 s is not history.
  "actions/presence.ts#presenceHeartbeatAction": "ephemeral presence",
  // Ends this browser's session (its row revoked, the cookie cleared): personal session state.
  "actions/sign-out.ts#signOutAction": "session bookkeeping",
  // Ends another browser's session of one's own, from the profile: personal session state.
  "(workspace)/profile/actions.ts#endSessionAction": "session bookkeeping",
  // Sign-in bookkeeping (rate limits, last sign-in) is security state, not a team event.
  "(auth)/sign-in/actions.ts#signInAction": "sign-in bookkeeping",
  // Anyone may ask, for any address: recording requests would let anyone fill the activity
  // screen. What they leave (a rate-limit count, a hashed token, a queued mail) is security
  // bookkeeping; the reset itself and an admin's link are recorded.
  "(auth)/forgot-password/actions.ts#requestPasswordResetAction": "reset request bookkeeping",
  // Reads a source's page to preview it; saves nothing.
  "(workspace)/intake/actions.ts#testSourceAction": "read only",
  // Moves the source's next check forward; the check itself records what it finds.
  "(workspace)/intake/actions.ts#checkSourceNowAction": "schedule bookkeeping",
};

type Ctx = { admin: UserFixture; other: UserFixture };

const newSource = () => createSourceRow(db());
const newEntry = (state: "new" | "dismissed" = "new") => createIntakeEntry(db(), { state });
const doc = (value: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });
let serial = 0;
const unique = () => `${Date.now().toString(36)}${serial++}`;

async function firstRevision() {
  const [brief] = await db().select().from(schema.briefs).limit(1);
  const [revision] = await db().select().from(schema.briefRevisions).where(eq(schema.briefRevisions.id, brief.currentRevisionId!));
  return { brief, revision };
}
function db() {
  return t.db;
}
async function newAnnotation() {
  const { revision } = await firstRevision();
  const quote = revision.plainText.slice(0, 6);
  const result = (await action("(records)/brief/actions.ts#createAnnotationAction")({
    revisionId: revision.id,
    start: 0,
    end: quote.length,
    quote,
    body: doc("메모"),
  })) as { ok: boolean; annotationId: string };
  if (!result.ok) throw new Error(`annotation setup failed: ${JSON.stringify(result)}`);
  const [row] = await db().select().from(schema.annotations).where(eq(schema.annotations.id, result.annotationId));
  return row;
}
async function nodes() {
  return db().select().from(schema.frameworkNodes).limit(3);
}
async function newComment() {
  const policy = await createPolicy(db());
  const result = (await action("actions/comments.ts#addCommentAction")({ targetType: "policy", targetId: policy.id, body: doc("댓글") })) as {
    commentId: string;
  };
  const [row] = await db().select().from(schema.comments).where(eq(schema.comments.id, result.commentId));
  return row;
}
async function newInvitation() {
  const result = (await action("(workspace)/members/actions.ts#inviteMemberAction")({ email: `inv-${unique()}@example.test`, role: "editor" })) as {
    invitationId: string;
    path?: string;
    invitePath?: string;
  };
  return result;
}
const policyFields = () => ({ titleZh: `覆盖测试${unique()}`, titleKo: `커버리지 ${unique()}`, confirmDuplicates: true });

/** One valid call per action, as an admin (setup may call other actions; only the last call is checked). */
const cases: Record<string, (c: Ctx) => Promise<() => Promise<unknown>>> = {
  "actions/comments.ts#addCommentAction": async () => {
    const item = await createResponseItem(db());
    return () => action("actions/comments.ts#addCommentAction")({ targetType: "response_item", targetId: item.id, body: doc("의견") });
  },
  "actions/comments.ts#editCommentAction": async () => {
    const comment = await newComment();
    return () => action("actions/comments.ts#editCommentAction")({ commentId: comment.id, version: comment.version, body: doc("고침") });
  },
  "actions/comments.ts#deleteCommentAction": async () => {
    const comment = await newComment();
    return () => action("actions/comments.ts#deleteCommentAction")({ commentId: comment.id });
  },
  "actions/impacts.ts#createImpactAction": async () => {
    const [policy, item] = [await createPolicy(db()), await createResponseItem(db())];
    return () => action("actions/impacts.ts#createImpactAction")({ policyId: policy.id, responseItemId: item.id, note: "영향" });
  },
  "actions/impacts.ts#removeImpactAction": async ({ admin }) => {
    const [policy, item] = [await createPolicy(db()), await createResponseItem(db())];
    const impact = await createImpactRow(db(), { policyId: policy.id, responseItemId: item.id, createdById: admin.id });
    return () => action("actions/impacts.ts#removeImpactAction")({ impactId: impact.id });
  },
  "actions/locale.ts#setLocaleAction": async ({ admin }) => {
    const [row] = await db().select().from(schema.users).where(eq(schema.users.id, admin.id));
    return () => action("actions/locale.ts#setLocaleAction")(row.locale === "en" ? "ko" : "en");
  },
  "(records)/brief/actions.ts#createAnnotationAction": async () => {
    const { revision } = await firstRevision();
    const quote = revision.plainText.slice(2, 8);
    return () => action("(records)/brief/actions.ts#createAnnotationAction")({ revisionId: revision.id, start: 2, end: 8, quote, body: doc("새 메모") });
  },
  "(records)/brief/actions.ts#editAnnotationAction": async () => {
    const a = await newAnnotation();
    return () => action("(records)/brief/actions.ts#editAnnotationAction")({ annotationId: a.id, version: a.version, body: doc("고친 메모"), tags: "태그" });
  },
  "(records)/brief/actions.ts#reattachAnnotationAction": async () => {
    const a = await newAnnotation();
    // Its words lost on the current revision, as a publish would leave it.
    await db()
      .update(schema.annotationAnchors)
      .set({ start: null, end: null, orphaned: true, method: "orphaned" })
      .where(eq(schema.annotationAnchors.annotationId, a.id));
    return () => action("(records)/brief/actions.ts#reattachAnnotationAction")({ annotationId: a.id, version: a.version, revisionId: a.revisionId, start: 2, end: 8 });
  },
  "(records)/brief/actions.ts#deleteAnnotationAction": async () => {
    const a = await newAnnotation();
    return () => action("(records)/brief/actions.ts#deleteAnnotationAction")({ annotationId: a.id, version: a.version });
  },
  "(records)/brief/actions.ts#resolveAnnotationAction": async () => {
    const a = await newAnnotation();
    return () => action("(records)/brief/actions.ts#resolveAnnotationAction")({ annotationId: a.id, version: a.version });
  },
  "(records)/brief/actions.ts#reopenAnnotationAction": async () => {
    const a = await newAnnotation();
    await action("(records)/brief/actions.ts#resolveAnnotationAction")({ annotationId: a.id, version: a.version });
    return () => action("(records)/brief/actions.ts#reopenAnnotationAction")({ annotationId: a.id, version: a.version + 1 });
  },
  "(records)/brief/actions.ts#linkAnnotationAction": async () => {
    const [a, policy] = [await newAnnotation(), await createPolicy(db())];
    return () => action("(records)/brief/actions.ts#linkAnnotationAction")({ annotationId: a.id, targetType: "policy", targetId: policy.id });
  },
  "(records)/brief/actions.ts#createItemFromAnnotationAction": async () => {
    const a = await newAnnotation();
    return () => action("(records)/brief/actions.ts#createItemFromAnnotationAction")({ annotationId: a.id, title: "메모에서 과제" });
  },
  "(records)/brief/actions.ts#publishRevisionAction": async () => {
    const { brief } = await firstRevision();
    return () => action("(records)/brief/actions.ts#publishRevisionAction")({ briefId: brief.id, version: brief.version, doc: doc(`개정 본문 ${unique()}`), note: "개정" });
  },
  "(records)/brief/actions.ts#importW3CAnnotationsAction": async () => {
    const { brief, revision } = await firstRevision();
    const file = { type: "Annotation", bodyValue: "가져온 메모", target: { source: "https://x", selector: { type: "TextQuoteSelector", exact: revision.plainText.slice(2, 8) } } };
    const data = new FormData();
    data.set("briefId", brief.id);
    data.set("file", new Blob([JSON.stringify(file)]), "a.jsonld");
    return () => action("(records)/brief/actions.ts#importW3CAnnotationsAction")(data);
  },
  "(auth)/invite/[token]/actions.ts#acceptInvitationAction": async () => {
    const invitation = await newInvitation();
    const link = String(invitation.invitePath ?? invitation.path ?? Object.values(invitation).find((v) => typeof v === "string" && v.includes("/invite/")));
    const token = link.split("/invite/")[1];
    resetRequest();
    return () =>
      action("(auth)/invite/[token]/actions.ts#acceptInvitationAction")({ token, displayName: "새 멤버", password: "long-enough-pw", passwordConfirm: "long-enough-pw" });
  },
  "(auth)/reset-password/[token]/actions.ts#resetPasswordAction": async () => {
    const target = await createUser(db(), { role: "viewer" });
    const { path } = (await action("(workspace)/members/actions.ts#issuePasswordResetAction")({ userId: target.id })) as { path: string };
    resetRequest();
    return () => action("(auth)/reset-password/[token]/actions.ts#resetPasswordAction")({ token: path.split("/reset-password/")[1], password: "long-enough-pw", passwordConfirm: "long-enough-pw" });
  },
  "(workspace)/framework/actions.ts#addNodeAction": async () => {
    const [node] = await nodes();
    return () => action("(workspace)/framework/actions.ts#addNodeAction")({ dimensionId: node.dimensionId, labelKo: `노드 ${unique()}`, labelEn: `Node ${unique()}` });
  },
  "(workspace)/framework/actions.ts#updateNodeAction": async () => {
    const [node] = await nodes();
    return () => action("(workspace)/framework/actions.ts#updateNodeAction")({ id: node.id, version: node.version, labelKo: `바뀐 ${unique()}`, labelEn: node.labelEn });
  },
  "(workspace)/framework/actions.ts#moveNodeAction": async () => {
    const [node] = await nodes();
    return () => action("(workspace)/framework/actions.ts#moveNodeAction")({ id: node.id, direction: "down" });
  },
  "(workspace)/framework/actions.ts#mergeNodeAction": async () => {
    const [, a, b] = await nodes();
    return () => action("(workspace)/framework/actions.ts#mergeNodeAction")({ id: a.id, intoId: b.id });
  },
  "(workspace)/framework/actions.ts#archiveNodeAction": async () => {
    const [node] = await nodes();
    return () => action("(workspace)/framework/actions.ts#archiveNodeAction")({ id: node.id });
  },
  "(workspace)/framework/actions.ts#unarchiveNodeAction": async () => {
    const [node] = await nodes();
    await db().update(schema.frameworkNodes).set({ archivedAt: new Date() }).where(eq(schema.frameworkNodes.id, node.id));
    return () => action("(workspace)/framework/actions.ts#unarchiveNodeAction")({ id: node.id });
  },
  "(workspace)/framework/actions.ts#deleteNodeAction": async () => {
    const [node] = await nodes();
    const label = `지울 ${unique()}`;
    await action("(workspace)/framework/actions.ts#addNodeAction")({ dimensionId: node.dimensionId, labelKo: label, labelEn: label });
    const [fresh] = await db().select().from(schema.frameworkNodes).where(eq(schema.frameworkNodes.labelKo, label));
    return () => action("(workspace)/framework/actions.ts#deleteNodeAction")({ id: fresh.id });
  },
  "(workspace)/profile/actions.ts#setNotificationPreferencesAction": async () => () =>
    action("(workspace)/profile/actions.ts#setNotificationPreferencesAction")({ due_soon: "email", digestTime: "07:45", digestTimeZone: "Europe/Berlin", digestFrequency: "weekly" }),
  "(workspace)/mail/actions.ts#sendTestMailAction": async () => () => action("(workspace)/mail/actions.ts#sendTestMailAction")({ to: `test-${unique()}@example.test` }),
  "(workspace)/saved-searches/actions.ts#saveSearchAction": async () => () =>
    action("(workspace)/saved-searches/actions.ts#saveSearchAction")({ scope: "policies", query: "type=law", name: `검색 ${unique()}`, alert: "on" }),
  "(workspace)/saved-searches/actions.ts#updateSavedSearchAction": async () => {
    const { savedSearchId } = (await action("(workspace)/saved-searches/actions.ts#saveSearchAction")({ scope: "intake", query: "", name: `검색 ${unique()}` })) as { savedSearchId: string };
    return () => action("(workspace)/saved-searches/actions.ts#updateSavedSearchAction")({ id: savedSearchId, version: 1, name: `바꾼 ${unique()}`, shared: "on" });
  },
  "(workspace)/saved-searches/actions.ts#deleteSavedSearchAction": async () => {
    const { savedSearchId } = (await action("(workspace)/saved-searches/actions.ts#saveSearchAction")({ scope: "policies", query: "", name: `검색 ${unique()}` })) as { savedSearchId: string };
    return () => action("(workspace)/saved-searches/actions.ts#deleteSavedSearchAction")({ id: savedSearchId });
  },
  "(workspace)/saved-searches/actions.ts#setSavedSearchAlertAction": async () => {
    const { savedSearchId } = (await action("(workspace)/saved-searches/actions.ts#saveSearchAction")({ scope: "policies", query: "", name: `검색 ${unique()}` })) as { savedSearchId: string };
    return () => action("(workspace)/saved-searches/actions.ts#setSavedSearchAlertAction")({ id: savedSearchId, alert: "on" });
  },
  "(workspace)/reports/actions.ts#generateReportAction": async () => () =>
    action("(workspace)/reports/actions.ts#generateReportAction")({ from: "2025-01-01", to: "2025-01-31", language: "en", sections: ["policies", "items"] }),
  "(workspace)/reports/actions.ts#deleteReportAction": async () => {
    const { reportId } = (await action("(workspace)/reports/actions.ts#generateReportAction")({ from: "2025-01-01", to: "2025-01-07", language: "ko", sections: "policies" })) as { reportId: string };
    return () => action("(workspace)/reports/actions.ts#deleteReportAction")({ id: reportId });
  },
  "(workspace)/members/actions.ts#inviteMemberAction": async () => () => newInvitation(),
  "(workspace)/members/actions.ts#issuePasswordResetAction": async () => {
    const target = await createUser(db(), { role: "viewer" });
    return () => action("(workspace)/members/actions.ts#issuePasswordResetAction")({ userId: target.id });
  },
  "(workspace)/members/actions.ts#revokeInvitationAction": async () => {
    const invitation = await newInvitation();
    return () => action("(workspace)/members/actions.ts#revokeInvitationAction")({ invitationId: invitation.invitationId });
  },
  "(workspace)/members/actions.ts#changeRoleAction": async () => {
    const target = await createUser(db(), { role: "viewer" });
    return () => action("(workspace)/members/actions.ts#changeRoleAction")({ userId: target.id, role: "editor", version: target.version });
  },
  "(workspace)/members/actions.ts#deactivateMemberAction": async () => {
    const target = await createUser(db(), { role: "viewer" });
    return () => action("(workspace)/members/actions.ts#deactivateMemberAction")({ userId: target.id, version: target.version });
  },
  "(workspace)/members/actions.ts#reactivateMemberAction": async () => {
    const target = await createUser(db(), { role: "viewer", deactivated: true });
    return () => action("(workspace)/members/actions.ts#reactivateMemberAction")({ userId: target.id, version: target.version });
  },
  "(workspace)/intake/actions.ts#createSourceAction": async () => () =>
    action("(workspace)/intake/actions.ts#createSourceAction")({ name: `출처 ${unique()}`, url: `https://example.test/${unique()}.xml`, kind: "rss" }),
  "(workspace)/intake/actions.ts#updateSourceAction": async () => {
    const source = await newSource();
    return () => action("(workspace)/intake/actions.ts#updateSourceAction")({ id: source.id, version: source.version, name: "고친 출처", url: source.url, kind: "atom" });
  },
  "(workspace)/intake/actions.ts#setSourceEnabledAction": async () => {
    const source = await newSource();
    return () => action("(workspace)/intake/actions.ts#setSourceEnabledAction")({ id: source.id, enabled: false });
  },
  "(workspace)/intake/actions.ts#deleteSourceAction": async () => {
    const source = await newSource();
    return () => action("(workspace)/intake/actions.ts#deleteSourceAction")({ id: source.id });
  },
  "(workspace)/intake/actions.ts#importOpmlAction": async () => () =>
    action("(workspace)/intake/actions.ts#importOpmlAction")({ opml: `<opml version="2.0"><body><outline type="rss" text="피드" xmlUrl="https://example.test/${unique()}.xml"/></body></opml>` }),
  "(workspace)/intake/actions.ts#dismissEntriesAction": async () => {
    const entry = await newEntry();
    return () => action("(workspace)/intake/actions.ts#dismissEntriesAction")({ ids: [entry.id] });
  },
  "(workspace)/intake/actions.ts#markDuplicateAction": async () => {
    const [entry, policy] = [await newEntry(), await createPolicy(db())];
    return () => action("(workspace)/intake/actions.ts#markDuplicateAction")({ id: entry.id, policyId: policy.id });
  },
  "(workspace)/intake/actions.ts#reopenEntryAction": async () => {
    const entry = await newEntry("dismissed");
    return () => action("(workspace)/intake/actions.ts#reopenEntryAction")({ id: entry.id });
  },
  "(workspace)/policies/actions.ts#reviewSourceChangeAction": async () => {
    const policy = await createPolicy(db(), { sourceUrl: "https://www.gov.cn/x.htm", sourceChangedAt: new Date() });
    return () => action("(workspace)/policies/actions.ts#reviewSourceChangeAction")({ id: policy.id });
  },
  "(workspace)/policies/actions.ts#createPolicyAction": async () => () => action("(workspace)/policies/actions.ts#createPolicyAction")(policyFields()),
  "(workspace)/policies/actions.ts#updatePolicyAction": async () => {
    const policy = await createPolicy(db());
    return () => action("(workspace)/policies/actions.ts#updatePolicyAction")({ ...policyFields(), id: policy.id, version: policy.version });
  },
  "(workspace)/policies/actions.ts#deletePolicyAction": async () => {
    const policy = await createPolicy(db());
    return () => action("(workspace)/policies/actions.ts#deletePolicyAction")({ id: policy.id });
  },
  "(workspace)/policies/actions.ts#restorePolicyAction": async () => {
    const policy = await createPolicy(db());
    await action("(workspace)/policies/actions.ts#deletePolicyAction")({ id: policy.id });
    return () => action("(workspace)/policies/actions.ts#restorePolicyAction")({ id: policy.id });
  },
  "(workspace)/policies/actions.ts#importPoliciesAction": async () => {
    const row = CSV_COLUMNS.map((column) => (column === "title_zh" ? `导入覆盖${unique()}` : column === "title_ko" ? `가져오기 ${unique()}` : ""));
    return () => action("(workspace)/policies/actions.ts#importPoliciesAction")({ csv: `${CSV_COLUMNS.join(",")}\r\n${row.join(",")}\r\n`, dryRun: false });
  },
  "(workspace)/profile/actions.ts#changePasswordAction": async () => {
    // Its own admin: the password change ends every session of the account.
    const user = await createUser(db(), { role: "admin" });
    signInAs(user);
    return () => action("(workspace)/profile/actions.ts#changePasswordAction")({ currentPassword: user.password, newPassword: "another-long-pw", newPasswordConfirm: "another-long-pw" });
  },
  "(workspace)/profile/actions.ts#signOutEverywhereAction": async () => {
    const user = await createUser(db());
    signInAs(user);
    return () => action("(workspace)/profile/actions.ts#signOutEverywhereAction")({});
  },
  "(workspace)/response-items/actions.ts#createResponseItemAction": async () => () =>
    action("(workspace)/response-items/actions.ts#createResponseItemAction")({ title: `과제 ${unique()}`, priority: "medium" }),
  "(workspace)/response-items/actions.ts#updateResponseItemAction": async () => {
    const item = await createResponseItem(db());
    return () => action("(workspace)/response-items/actions.ts#updateResponseItemAction")({ id: item.id, version: item.version, title: "고친 과제", priority: "high" });
  },
  "(workspace)/response-items/actions.ts#assignOwnerAction": async ({ other }) => {
    const item = await createResponseItem(db());
    return () => action("(workspace)/response-items/actions.ts#assignOwnerAction")({ id: item.id, version: item.version, ownerId: other.id });
  },
  "(workspace)/response-items/actions.ts#addProgressUpdateAction": async () => {
    const item = await createResponseItem(db());
    return () => action("(workspace)/response-items/actions.ts#addProgressUpdateAction")({ id: item.id, version: item.version, status: "in_progress", body: "진행" });
  },
  "(workspace)/response-items/actions.ts#archiveResponseItemAction": async () => {
    const item = await createResponseItem(db());
    return () => action("(workspace)/response-items/actions.ts#archiveResponseItemAction")({ id: item.id, version: item.version });
  },
  "(workspace)/response-items/actions.ts#unarchiveResponseItemAction": async () => {
    const item = await createResponseItem(db());
    await action("(workspace)/response-items/actions.ts#archiveResponseItemAction")({ id: item.id, version: item.version });
    return () => action("(workspace)/response-items/actions.ts#unarchiveResponseItemAction")({ id: item.id, version: item.version + 1 });
  },
};

const fingerprint = () => tableDigests(db(), { except: ["activity"] });
const activityCount = async () => (await db().select({ n: count() }).from(schema.activity))[0].n;

const t = withFreshDatabase();
let ctx: Ctx;

beforeAll(async () => {
  await seedDatabase(t.db, { adminPassword: "seeded-admin-pw" });
  ctx = { admin: await createUser(t.db, { role: "admin" }), other: await createUser(t.db, { role: "editor" }) };
});
beforeEach(() => {
  resetRequest();
  signInAs(ctx.admin);
});

describe("every server action", () => {
  it("is either exercised below or allow-listed as writing no activity (a new action fails here)", () => {
    expect(discovered.size).toBeGreaterThan(30);
    const missing = [...discovered.keys()].filter((key) => !(key in cases) && !(key in noActivity));
    expect(missing, "add these actions to `cases` (or, with a reason, to `noActivity`)").toEqual([]);
    const stale = [...Object.keys(cases), ...Object.keys(noActivity)].filter((key) => !discovered.has(key));
    expect(stale, "entries for actions that no longer exist").toEqual([]);
  });

  it.each(Object.keys(cases))("%s writes an activity entry with whatever it changes", async (key) => {
    const call = await cases[key](ctx);
    const [rowsBefore, activityBefore] = [await fingerprint(), await activityCount()];
    const result = (await call()) as { ok?: boolean; formError?: string } | undefined;
    expect(result?.ok, `the call in the table must be valid: ${JSON.stringify(result)}`).toBe(true);
    const changed = changedTables(rowsBefore, await fingerprint());
    expect(changed.length, "a valid call should change something").toBeGreaterThan(0);
    expect(await activityCount(), `changed ${changed.join(", ")} without an activity entry`).toBeGreaterThan(activityBefore);
  });
});
