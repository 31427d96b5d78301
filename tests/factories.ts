import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as t from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { policySearchColumns } from "@/lib/policies/search-terms";
import { frameworkNodeSearch, intakeEntrySearch, responseItemSearch } from "@/lib/search/documents";
import type { Role } from "@/lib/vocab";

const unique = () => randomBytes(4).toString("hex");

export type UserFixture = t.User & { password: string };

/** A user with a known password (argon2id-hashed like real ones). */
export async function createUser(
  db: Executor,
  overrides: Partial<t.NewUser> & { role?: Role; password?: string; deactivated?: boolean } = {},
): Promise<UserFixture> {
  const { password = `pw-${unique()}-secret`, deactivated, ...fields } = overrides;
  const [user] = await db
    .insert(t.users)
    .values({
      email: `user-${unique()}@example.test`,
      displayName: `Tester ${unique()}`,
      role: "viewer",
      ...fields,
      passwordHash: await hashPassword(password),
      deactivatedAt: deactivated ? new Date() : null,
    })
    .returning();
  return { ...user, password };
}

/** A framework dimension with `count` nodes. */
export async function createFramework(db: Executor, count = 2) {
  const [dimension] = await db
    .insert(t.frameworkDimensions)
    .values({ key: `dim_${unique()}`, nameKo: "차원", nameEn: "Dimension", position: 0 })
    .returning();
  const nodes = await db
    .insert(t.frameworkNodes)
    .values(
      Array.from({ length: count }, (_, i) => {
        const labels = { labelKo: `노드 ${i}`, labelEn: `Node ${i}` };
        return { dimensionId: dimension.id, ...labels, ...frameworkNodeSearch(labels), position: i };
      }),
    )
    .returning();
  return { dimension, nodes };
}

/** A policy with sensible defaults, searchable as the app would have written it. */
export async function createPolicy(db: Executor, overrides: Partial<t.NewPolicy> = {}) {
  const values = { titleKo: `정책 ${unique()}`, titleZh: `政策 ${unique()}`, ...overrides };
  const [policy] = await db
    .insert(t.policies)
    .values({ ...policySearchColumns(values), ...values })
    .returning();
  return policy;
}

/** A response item with sensible defaults, searchable as the app would have written it. */
export async function createResponseItem(db: Executor, overrides: Partial<t.NewResponseItem> = {}) {
  const values = { title: `대응 과제 ${unique()}`, ...overrides };
  const [item] = await db.insert(t.responseItems).values({ ...responseItemSearch(values), ...values }).returning();
  return item;
}

/** A brief whose current revision is `doc` (plain text derived the way the app derives it). */
export async function createBrief(db: Executor, doc: t.RichTextDoc) {
  const { plainTextOf } = await import("@/lib/editor/plain-text");
  const [brief] = await db.insert(t.briefs).values({ title: `브리프 ${unique()}` }).returning();
  const [revision] = await db
    .insert(t.briefRevisions)
    .values({ briefId: brief.id, number: 1, doc, plainText: plainTextOf(doc) })
    .returning();
  const [updated] = await db.update(t.briefs).set({ currentRevisionId: revision.id }).where(eq(t.briefs.id, brief.id)).returning();
  return { brief: updated, revision };
}

/** Links `nodeIds` to a response item or a policy. */
export async function tagItem(db: Executor, itemId: string, nodeIds: string[]) {
  if (nodeIds.length) await db.insert(t.responseItemFrameworkNodes).values(nodeIds.map((nodeId) => ({ responseItemId: itemId, nodeId })));
}
export async function tagPolicy(db: Executor, policyId: string, nodeIds: string[]) {
  if (nodeIds.length) await db.insert(t.policyFrameworkNodes).values(nodeIds.map((nodeId) => ({ policyId, nodeId })));
}

/** An impact of `policyId` on `responseItemId`, created by `createdById`. */
export async function createImpactRow(db: Executor, values: { policyId: string; responseItemId: string; createdById: string; note?: string }) {
  const [impact] = await db.insert(t.impacts).values(values).returning();
  return impact;
}

/** A watched source whose URL no check could reach (a loopback address is refused before connecting). */
export async function createSourceRow(db: Executor, overrides: Partial<t.NewSource> = {}) {
  const [source] = await db
    .insert(t.sources)
    .values({ name: `출처 ${unique()}`, url: `http://127.0.0.1:9/${unique()}.xml`, kind: "rss", ...overrides })
    .returning();
  return source;
}

/** An intake entry (of a fresh source unless one is given). */
export async function createIntakeEntry(db: Executor, overrides: Partial<t.NewIntakeEntry> = {}) {
  const url = `https://example.test/${unique()}.html`;
  const sourceId = overrides.sourceId ?? (await createSourceRow(db)).id;
  const values = { sourceId, title: `항목 ${unique()}`, url, canonicalUrl: url, titleKey: unique(), ...overrides };
  const [entry] = await db
    .insert(t.intakeEntries)
    .values({ ...intakeEntrySearch(values), ...values })
    .returning();
  return entry;
}
