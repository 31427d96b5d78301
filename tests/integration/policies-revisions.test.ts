import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { plainTextOf } from "@/lib/editor/plain-text";
import { createUser, type UserFixture } from "../factories";
import { resetRequest, signInAs } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./request-context")).nextHeadersMock);

const actions = await import("@/app/(workspace)/policies/actions");
const { getPolicy } = await import("@/lib/policies/queries");
const t = withFreshDatabase();
let editor: UserFixture;

beforeAll(async () => {
  await seedDatabase(t.db, { adminPassword: "seeded-admin-pw" });
  editor = await createUser(t.db, { role: "editor" });
});
beforeEach(() => resetRequest());

/** Publishes revision 2 of the brief with a paragraph inserted above everything. */
async function publishRevisionTwo() {
  const [brief] = await t.db.select().from(schema.briefs);
  const [first] = await t.db.select().from(schema.briefRevisions).where(eq(schema.briefRevisions.id, brief.currentRevisionId!));
  const doc = { type: "doc" as const, content: [{ type: "paragraph", content: [{ type: "text", text: "개정 메모: 새 문단." }] }, ...(first.doc.content ?? [])] };
  const [second] = await t.db
    .insert(schema.briefRevisions)
    .values({ briefId: brief.id, number: 2, doc, plainText: plainTextOf(doc), authorId: editor.id })
    .returning();
  await t.db.update(schema.briefs).set({ currentRevisionId: second.id }).where(eq(schema.briefs.id, brief.id));
  return { first, second };
}

describe("policies that cite an earlier revision of the brief", () => {
  it("stay editable after a new revision, keeping their passage on the revision it was picked on", async () => {
    const [seeded] = await t.db.select().from(schema.policies).where(eq(schema.policies.titleKo, "생성형 인공지능 서비스 관리 장정 조례"));
    const before = (await getPolicy(seeded.id))!;
    expect(before.passages).toHaveLength(1);
    const { first } = await publishRevisionTwo();

    signInAs(editor);
    const input = {
      id: seeded.id,
      version: before.version,
      titleZh: before.titleZh!,
      titleKo: before.titleKo,
      instrumentType: before.instrumentType,
      status: before.status,
      significance: "high" as const,
      issuingBodyIds: before.issuingBodies.map((b) => b.id),
      nodeIds: before.nodes.map((n) => n.id),
      confirmDuplicates: true,
      passages: JSON.stringify(before.passages.map(({ start, end, quote, revisionId }) => ({ start, end, quote, revisionId }))),
    };
    const saved = await actions.updatePolicyAction(input);
    expect(saved).toMatchObject({ ok: true });
    const after = (await getPolicy(seeded.id))!;
    expect(after.significance).toBe("high");
    expect(after.passages).toEqual([expect.objectContaining({ quote: before.passages[0].quote, revisionId: first.id })]);

    // A kept passage must still match its own revision's text.
    const forged = await actions.updatePolicyAction({
      ...input,
      version: after.version,
      passages: JSON.stringify([{ ...before.passages[0], quote: "다른 구절" }]),
    });
    expect(forged).toMatchObject({ ok: false, code: "invalid" });
  });
});
