import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { normaliseTag } from "@/lib/annotations/schemas";
import { validateRichTextDoc } from "@/lib/editor/validate";
import { translator } from "@/lib/i18n/catalog";
import { createBrief, createFramework, createPolicy, createResponseItem, createUser, type UserFixture } from "../factories";
import {
  csvCell,
  csvSafeLegitimate,
  hostileDocs,
  invalidUtf8Csv,
  legitimateDoc,
  legitimateText,
  ONE_MB,
  oversizeString,
  smuggledAttributeDocs,
  TEN_MB,
  unstorableText,
} from "../support/hostile-corpus";
import { resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);
vi.mock("next/navigation", () => ({ redirect: vi.fn() }));

const policyActions = await import("@/app/(workspace)/policies/actions");
const itemActions = await import("@/app/(workspace)/response-items/actions");
const briefActions = await import("@/app/(records)/brief/actions");
const frameworkActions = await import("@/app/(workspace)/framework/actions");
const memberActions = await import("@/app/(workspace)/members/actions");
const inviteActions = await import("@/app/(auth)/invite/[token]/actions");
const commentActions = await import("@/app/actions/comments");
const impactActions = await import("@/app/actions/impacts");

/*
 * Every field that is stored and shown again, fed the corpus of tests/support/hostile-corpus.ts
 * through the real server actions: legitimate text round-trips exactly, hostile rich text,
 * unstorable characters and oversize input are refused with a field error (400) and nothing is
 * written, and nothing throws.
 */

const t = withFreshDatabase();
// Made once: building a 10 MB string per test would cost more than the tests.
const oneMb = oversizeString(ONE_MB);
const tenMb = oversizeString(TEN_MB);
const ko = translator("ko");
let admin: UserFixture;
let dimensionId: string;
let briefId: string;
let anchorPolicyId: string;
let anchorItemId: string;
const BRIEF_TEXT = "가나다라마바사아자차카타파하";


beforeAll(async () => {
  admin = await createUser(t.db, { role: "admin" });
  dimensionId = (await createFramework(t.db, 1)).dimension.id;
  const created = await createBrief(t.db, { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: BRIEF_TEXT }] }] });
  briefId = created.brief.id;
  anchorPolicyId = (await createPolicy(t.db)).id;
  anchorItemId = (await createResponseItem(t.db)).id;
});
beforeEach(() => {
  resetRequest();
  signInAs(admin);
});

type Result = ActionResult<Record<string, unknown>>;
function expectOk(result: Result): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.formError} ${JSON.stringify(result.fieldErrors)}`);
  return result;
}
/** A refusal as a form shows it: 400, a translated message under `field`, not a catalog key. */
function expectFieldError(result: Result, field: string) {
  expect(result.ok, `expected a refusal of ${field}`).toBe(false);
  if (result.ok) return;
  expect(result.status).toBe(400);
  // A nested field (newIssuingBodies.0.nameZh) counts for its form field (newIssuingBodies).
  const messages = Object.entries(result.fieldErrors ?? {}).flatMap(([key, list]) => (key === field || key.startsWith(`${field}.`) ? list : []));
  expect(messages.length, `field errors: ${JSON.stringify(result.fieldErrors)}`).toBeGreaterThan(0);
  for (const message of messages) expect(message).not.toMatch(/^[a-z]+\.[a-zA-Z_.]+$/);
}

/** Rows of every table a refused write could have touched (one query: there are hundreds of these). */
async function rowCounts() {
  const tables = [
    schema.policies,
    schema.issuingBodies,
    schema.responseItems,
    schema.progressUpdates,
    schema.impacts,
    schema.comments,
    schema.annotations,
    schema.briefRevisions,
    schema.frameworkNodes,
    schema.users,
    schema.invitations,
    schema.activity,
  ];
  const counts = sql.join(tables.map((table) => sql`(select count(*) from ${table})::int`), sql`, `);
  const result = (await t.db.execute(sql`select array[${counts}] as n`)) as unknown as { n: number[] }[] | { rows: { n: number[] }[] };
  return (Array.isArray(result) ? result : result.rows)[0].n;
}

const briefVersion = async () => (await t.db.select({ v: schema.briefs.version }).from(schema.briefs).where(eq(schema.briefs.id, briefId)))[0].v;

type PlainField = {
  /** The field's name in the action's input (and in its field errors). */
  field: string;
  max: number;
  /** Rows the write needs (made before the refused-write snapshot), passed to `write`. */
  prepare?: () => Promise<Record<string, unknown>>;
  /** Writes `value` through the action; the result of the action. */
  write: (value: string, context: Record<string, unknown>) => Promise<Result>;
  /** The stored value, from the row the successful write returned. */
  read: (result: Record<string, unknown>) => Promise<string | null | undefined>;
};

/** The node added last (the action returns nothing: the page reloads). */
const newestNode = async () => (await t.db.select().from(schema.frameworkNodes).where(eq(schema.frameworkNodes.dimensionId, dimensionId)).orderBy(desc(schema.frameworkNodes.position)).limit(1))[0];
const policyRow = async (id: unknown) => (await t.db.select().from(schema.policies).where(eq(schema.policies.id, String(id))))[0];
const policyInput = (fields: Record<string, unknown>) => ({ titleZh: "政策", titleKo: "정책", confirmDuplicates: true, ...fields });

/** Every plain-text field that is stored and shown again, with its limit. */
const plainFields: Record<string, PlainField> = {
  "policy titleZh": {
    field: "titleZh",
    max: 500,
    write: (v) => policyActions.createPolicyAction(policyInput({ titleZh: v })),
    read: async (r) => (await policyRow(r.id)).titleZh,
  },
  "policy titleKo": {
    field: "titleKo",
    max: 500,
    write: (v) => policyActions.createPolicyAction(policyInput({ titleKo: v })),
    read: async (r) => (await policyRow(r.id)).titleKo,
  },
  "policy titleEn": {
    field: "titleEn",
    max: 500,
    write: (v) => policyActions.createPolicyAction(policyInput({ titleEn: v })),
    read: async (r) => (await policyRow(r.id)).titleEn,
  },
  "policy documentNumber": {
    field: "documentNumber",
    max: 200,
    write: (v) => policyActions.createPolicyAction(policyInput({ documentNumber: v })),
    read: async (r) => (await policyRow(r.id)).documentNumber,
  },
  "policy new issuing body nameZh": {
    field: "newIssuingBodies",
    max: 200,
    write: (v) => policyActions.createPolicyAction(policyInput({ newIssuingBodies: JSON.stringify([{ nameZh: v, nameKo: "기관" }]) })),
    read: async (r) => {
      const [link] = await t.db.select().from(schema.policyIssuingBodies).where(eq(schema.policyIssuingBodies.policyId, String(r.id)));
      return (await t.db.select().from(schema.issuingBodies).where(eq(schema.issuingBodies.id, link.issuingBodyId)))[0].nameZh;
    },
  },
  "response item title": {
    field: "title",
    max: 200,
    write: (v) => itemActions.createResponseItemAction({ title: v, nodeIds: [], priority: "medium", dueOn: "" }),
    read: async (r) => (await t.db.select().from(schema.responseItems).where(eq(schema.responseItems.id, String(r.id))))[0].title,
  },
  "progress update body": {
    field: "body",
    max: 5000,
    write: async (v) => {
      const [{ version }] = await t.db.select({ version: schema.responseItems.version }).from(schema.responseItems).where(eq(schema.responseItems.id, anchorItemId));
      return itemActions.addProgressUpdateAction({ id: anchorItemId, version, status: "in_progress", body: v, acknowledgeImpactIds: [] });
    },
    read: async (r) => (await t.db.select().from(schema.progressUpdates).where(eq(schema.progressUpdates.id, String(r.updateId))))[0].body,
  },
  "impact note": {
    field: "note",
    max: 2000,
    prepare: async () => ({ policyId: (await createPolicy(t.db)).id }),
    write: (v, c) => impactActions.createImpactAction({ policyId: String(c.policyId), responseItemId: anchorItemId, note: v }),
    read: async (r) => (await t.db.select().from(schema.impacts).where(eq(schema.impacts.id, String(r.impactId))))[0].note,
  },
  "framework node labelKo": {
    field: "labelKo",
    max: 120,
    write: (v) => frameworkActions.addNodeAction({ dimensionId, labelKo: v, labelEn: "Node", description: "" }),
    read: async () => (await newestNode()).labelKo,
  },
  "framework node labelEn": {
    field: "labelEn",
    max: 120,
    write: (v) => frameworkActions.addNodeAction({ dimensionId, labelKo: "노드", labelEn: v, description: "" }),
    read: async () => (await newestNode()).labelEn,
  },
  "framework node description": {
    field: "description",
    max: 2000,
    write: (v) => frameworkActions.addNodeAction({ dimensionId, labelKo: "노드", labelEn: "Node", description: v }),
    read: async () => (await newestNode()).description,
  },
  "brief revision note": {
    field: "note",
    max: 500,
    write: async (v) => briefActions.publishRevisionAction({ briefId, version: await briefVersion(), doc: legitimateDoc(), note: v }),
    read: async (r) =>
      (await t.db.select().from(schema.briefRevisions).where(and(eq(schema.briefRevisions.briefId, briefId), eq(schema.briefRevisions.number, Number(r.revisionNumber)))))[0].note,
  },
  "item-from-annotation title": {
    field: "title",
    max: 200,
    prepare: async () => expectOk(await briefActions.createAnnotationAction(await annotationInput(paragraphDoc("메모")))),
    write: (v, c) => briefActions.createItemFromAnnotationAction({ annotationId: String(c.annotationId), title: v }),
    read: async (r) => (await t.db.select().from(schema.responseItems).where(eq(schema.responseItems.id, String(r.responseItemId))))[0].title,
  },
  "member display name": {
    field: "displayName",
    max: 80,
    prepare: async () => expectOk(await memberActions.inviteMemberAction({ email: `m-${Math.random().toString(36).slice(2)}@example.test`, role: "viewer" })),
    write: async (v, c) => {
      resetRequest();
      const token = String(c.path).split("/").pop()!;
      const accepted = await inviteActions.acceptInvitationAction({ token, displayName: v, password: "long-enough-pw", passwordConfirm: "long-enough-pw" });
      signInAs(admin);
      return accepted.ok ? { ...accepted, email: c.email } : accepted;
    },
    read: async (r) => (await t.db.select().from(schema.users).where(eq(schema.users.email, String(r.email))))[0].displayName,
  },
};

const paragraphDoc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
/** An annotation on the first two characters of the brief's current revision. */
async function annotationInput(body: unknown, tags: string[] = []) {
  const [current] = await t.db
    .select({ id: schema.briefRevisions.id, plainText: schema.briefRevisions.plainText })
    .from(schema.briefs)
    .innerJoin(schema.briefRevisions, eq(schema.briefRevisions.id, schema.briefs.currentRevisionId))
    .where(eq(schema.briefs.id, briefId));
  return { revisionId: current.id, start: 0, end: 2, quote: current.plainText.slice(0, 2), body, tags, isPrivate: false };
}

type RichField = {
  field: string;
  write: (doc: unknown) => Promise<Result>;
  /** The stored document of a successful write. */
  read: (result: Record<string, unknown>) => Promise<unknown>;
};

/** Every rich-text field. The brief's own revisions come last: publishing moves the annotations' revision on. */
const richFields: Record<string, RichField> = {
  "policy summary": {
    field: "summary",
    write: (doc) => policyActions.createPolicyAction(policyInput({ summary: JSON.stringify(doc) })),
    read: async (r) => (await policyRow(r.id)).summary,
  },
  "response item description": {
    field: "description",
    write: (doc) => itemActions.createResponseItemAction({ title: "과제", nodeIds: [], priority: "low", dueOn: "", description: JSON.stringify(doc) }),
    read: async (r) => (await t.db.select().from(schema.responseItems).where(eq(schema.responseItems.id, String(r.id))))[0].description,
  },
  "comment body": {
    field: "body",
    write: (doc) => commentActions.addCommentAction({ targetType: "policy", targetId: anchorPolicyId, body: JSON.stringify(doc) }),
    read: async (r) => (await t.db.select().from(schema.comments).where(eq(schema.comments.id, String(r.commentId))))[0].body,
  },
  "annotation body": {
    field: "body",
    write: async (doc) => briefActions.createAnnotationAction(await annotationInput(JSON.stringify(doc))),
    read: async (r) => (await t.db.select().from(schema.annotations).where(eq(schema.annotations.id, String(r.annotationId))))[0].body,
  },
};

describe("policy CSV import", () => {
  // First in the file: the imported titles must not look like duplicates of the rows made below.
  it("stores every legitimate cell exactly as it was in the file", async () => {
    const entries = Object.entries(csvSafeLegitimate);
    const header = "title_zh,title_ko,title_en,document_number,summary";
    const rows = entries.map(([name, value], i) => [`${name} ${i} ${value}`, `가져오기 ${i} ${value}`, value, `DOC-${i}-${value}`, `${value}\n${value}`].map((v) => csvCell(v!)).join(","));
    const result = expectOk(await policyActions.importPoliciesAction({ csv: `\uFEFF${header}\r\n${rows.join("\r\n")}\r\n`, dryRun: false }));
    expect(result.report).toMatchObject({ created: entries.length, invalid: [], duplicates: [] });
    for (const [i, [name, value]] of entries.entries()) {
      const [row] = await t.db.select().from(schema.policies).where(eq(schema.policies.titleKo, `가져오기 ${i} ${value}`));
      expect(row, name).toBeDefined();
      expect(row.titleZh, name).toBe(`${name} ${i} ${value}`);
      expect(row.titleEn, name).toBe(value);
      expect(row.documentNumber, name).toBe(`DOC-${i}-${value}`);
      expect(row.summaryText, name).toBe(`${value}\n${value}`);
    }
  });

  it("refuses a file that is not UTF-8 (a CP949 spreadsheet export), saying so, and writes nothing", async () => {
    const before = await rowCounts();
    const result = expectOk(await policyActions.importPoliciesAction({ csv: invalidUtf8Csv(), dryRun: false }));
    expect(result.report).toMatchObject({ created: 0, fileError: ko("policies.importNotUtf8", { line: 2 }) });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(Object.entries(unstorableText))("refuses a file with %s and writes nothing", async (_name, value) => {
    const before = await rowCounts();
    const result = await policyActions.importPoliciesAction({ csv: `title_zh,title_ko\r\n政策,${value}\r\n`, dryRun: false });
    if (result.ok) expect(result.report).toMatchObject({ created: 0, fileError: expect.any(String) });
    else expectFieldError(result, "csv");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a 1 MB cell as an invalid row and a 10 MB file as too large", async () => {
    const before = await rowCounts();
    const row = expectOk(await policyActions.importPoliciesAction({ csv: `title_zh,title_ko\r\n政策,${oneMb}\r\n`, dryRun: false }));
    expect(row.report).toMatchObject({ created: 0, invalid: [{ line: 2, errors: [expect.stringContaining("titleKo")] }] });
    const file = await policyActions.importPoliciesAction({ csv: `title_zh,title_ko\r\n政策,${tenMb}\r\n`, dryRun: false });
    expectFieldError(file, "csv");
    expect(await rowCounts()).toEqual(before);
  });
});

describe.each(Object.entries(plainFields))("%s", (_label, spec) => {
  // Longer ones meet the limit below; leading or trailing blanks are trimmed, as in every form.
  it.each(Object.entries(legitimateText).filter(([, v]) => v === v.trim() && v.length <= spec.max))("stores %s exactly as typed", async (_name, value) => {
    const result = expectOk(await spec.write(value, (await spec.prepare?.()) ?? {}));
    expect(await spec.read(result)).toBe(value);
  });

  it.each(Object.entries(unstorableText))("refuses %s with a field error and writes nothing", async (_name, value) => {
    const context = (await spec.prepare?.()) ?? {};
    const before = await rowCounts();
    expectFieldError(await spec.write(value, context), spec.field);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ["one character over the limit", () => "가".repeat(spec.max + 1)],
    ["1 MB", () => oneMb],
    ["10 MB", () => tenMb],
  ])("refuses %s with a field error and writes nothing", async (_name, make) => {
    const context = (await spec.prepare?.()) ?? {};
    const before = await rowCounts();
    expectFieldError(await spec.write(make(), context), spec.field);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("annotation tags", () => {
  it("stores legitimate tags as normalised (trimmed, NFC, lower-cased), nothing else changed", async () => {
    const tags = Object.values(legitimateText).filter((v) => v.length <= 40);
    const result = expectOk(await briefActions.createAnnotationAction(await annotationInput(JSON.stringify(paragraphDoc("태그")), tags)));
    const [row] = await t.db.select().from(schema.annotations).where(eq(schema.annotations.id, String(result.annotationId)));
    expect(row.tags).toEqual([...new Set(tags.map(normaliseTag))]);
    expect(row.tags).toContain(legitimateText.scriptTag);
    expect(row.tags).toContain(legitimateText.extensionB);
  });

  it.each([
    ["a 1 MB tag", [oneMb]],
    ["a 10 MB tag", [tenMb]],
    ["a NUL", [unstorableText.nul]],
    ["a lone surrogate", [unstorableText.loneHighSurrogate]],
  ])("refuses %s with a field error and writes nothing", async (_name, tags) => {
    const before = await rowCounts();
    expectFieldError(await briefActions.createAnnotationAction(await annotationInput(JSON.stringify(paragraphDoc("태그")), tags)), "tags");
    expect(await rowCounts()).toEqual(before);
  });
});

describe.each(Object.entries(richFields))("%s (rich text)", (_label, spec) => {
  it("stores a document of every legitimate string, each text exactly as typed", async () => {
    const result = expectOk(await spec.write(legitimateDoc()));
    const stored = (await spec.read(result)) as { content: { content: { text: string }[] }[] };
    // Normalised (the link mark gains its schema defaults), the text untouched.
    expect(stored).toEqual((validateRichTextDoc(legitimateDoc()) as { doc: unknown }).doc);
    expect(stored.content.map((p) => p.content[0].text)).toEqual([...Object.values(legitimateText), "안전한 링크"]);
  });

  it.each(Object.keys(hostileDocs))("refuses %s with a field error and writes nothing", async (name) => {
    const before = await rowCounts();
    expectFieldError(await spec.write(hostileDocs[name]), spec.field);
    expect(await rowCounts()).toEqual(before);
  });

  it.each(Object.keys(smuggledAttributeDocs("")))("drops the attributes smuggled in %s", async (name) => {
    const { doc, mustNotContain } = smuggledAttributeDocs(admin.id)[name];
    const result = expectOk(await spec.write(doc));
    const stored = JSON.stringify(await spec.read(result));
    for (const needle of mustNotContain) expect(stored).not.toContain(needle);
  });

  it.each([
    ["a NUL", unstorableText.nul],
    ["a lone surrogate", unstorableText.loneLowSurrogate],
    ["1 MB of text", oneMb],
    ["10 MB of text", tenMb],
  ])("refuses %s with a field error and writes nothing", async (_name, text) => {
    const before = await rowCounts();
    expectFieldError(await spec.write(paragraphDoc(text)), spec.field);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a 10 MB body that is not even JSON, without parsing it", async () => {
    const before = await rowCounts();
    expectFieldError(await spec.write(tenMb as unknown as object), spec.field);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("brief revision (rich text)", () => {
  it.each(Object.keys(hostileDocs))("refuses %s with a field error and writes nothing", async (name) => {
    const before = await rowCounts();
    expectFieldError(await briefActions.publishRevisionAction({ briefId, version: await briefVersion(), doc: JSON.stringify(hostileDocs[name]), note: "노트" }), "doc");
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ["a NUL", paragraphDoc(unstorableText.nul)],
    ["1 MB of text", paragraphDoc(oneMb)],
    ["10 MB of text", paragraphDoc(tenMb)],
  ])("refuses %s with a field error and writes nothing", async (_name, doc) => {
    const before = await rowCounts();
    expectFieldError(await briefActions.publishRevisionAction({ briefId, version: await briefVersion(), doc, note: "노트" }), "doc");
    expect(await rowCounts()).toEqual(before);
  });
});

describe("member invitation e-mail", () => {
  it.each([
    ["markup", `<script>alert(1)</script>@example.test`],
    ["a quoted local part with markup", `"<img src=x onerror=alert(1)>"@example.test`],
    ["a NUL", `a${unstorableText.nul}@example.test`],
    ["1 MB", `${oneMb}@example.test`],
  ])("refuses %s with a field error and writes nothing", async (_name, email) => {
    const before = await rowCounts();
    expectFieldError(await memberActions.inviteMemberAction({ email, role: "viewer" }), "email");
    expect(await rowCounts()).toEqual(before);
  });
});
