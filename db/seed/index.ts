import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import { selectorForQuote } from "../../lib/brief/selectors";
import { plainTextOf } from "../../lib/editor/plain-text";
import { policySearchColumns } from "../../lib/policies/search-terms";
import type { Database, Executor } from "../client";
import * as t from "../schema";
import { briefDocument } from "./brief-doc";
import { briefTitle } from "./brief-text";
import { frameworkSeed, responseItemSeed } from "./framework";
import { issuingBodySeed, tableOne } from "./policies";

export const DEFAULT_ADMIN_EMAIL = "admin@policy-desk.local";

export type SeedOptions = { adminEmail?: string; adminPassword?: string };
export type SeedResult =
  | { seeded: false }
  | { seeded: true; adminEmail: string; generatedPassword: string | null };

/** True when the database holds no users, briefs or policies: only then is it seeded. */
async function isEmpty(tx: Executor): Promise<boolean> {
  const [u] = await tx.select({ n: count() }).from(t.users);
  const [b] = await tx.select({ n: count() }).from(t.briefs);
  const [p] = await tx.select({ n: count() }).from(t.policies);
  return u.n + b.n + p.n === 0;
}

/**
 * Seeds an empty database with the brief, its framework, Table 1's policies, the six response
 * items and the first admin. A database that holds any data is left untouched.
 */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) return { seeded: false };

    const adminEmail = (options.adminEmail ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
    const generatedPassword = options.adminPassword ? null : randomBytes(12).toString("base64url");
    const [admin] = await tx
      .insert(t.users)
      .values({
        email: adminEmail,
        displayName: "관리자",
        passwordHash: await hashPassword(options.adminPassword ?? generatedPassword!),
        role: "admin",
      })
      .returning({ id: t.users.id });

    // The brief, revision 1.
    const doc = briefDocument();
    const plainText = plainTextOf(doc);
    const [brief] = await tx
      .insert(t.briefs)
      .values({ title: briefTitle, publisher: null, language: "ko" })
      .returning({ id: t.briefs.id });
    const [revision] = await tx
      .insert(t.briefRevisions)
      .values({ briefId: brief.id, number: 1, doc, plainText, authorId: admin.id, note: "원문 요약·표 1·목차" })
      .returning({ id: t.briefRevisions.id });
    await tx.update(t.briefs).set({ currentRevisionId: revision.id }).where(eq(t.briefs.id, brief.id));

    // The framework.
    const nodeIds = new Map<string, string>();
    for (const [d, dimension] of frameworkSeed.entries()) {
      const [row] = await tx
        .insert(t.frameworkDimensions)
        .values({ key: dimension.key, nameKo: dimension.nameKo, nameEn: dimension.nameEn, position: d })
        .returning({ id: t.frameworkDimensions.id });
      const nodes = await tx
        .insert(t.frameworkNodes)
        .values(
          dimension.nodes.map((node, position) => {
            const passage = node.definedBy ? selectorForQuote(plainText, node.definedBy) : null;
            return {
              dimensionId: row.id,
              labelKo: node.labelKo,
              labelEn: node.labelEn,
              position,
              passage,
              passageRevisionId: passage ? revision.id : null,
            };
          }),
        )
        .returning({ id: t.frameworkNodes.id, labelKo: t.frameworkNodes.labelKo });
      for (const node of nodes) nodeIds.set(node.labelKo, node.id);
    }
    const nodeId = (label: string) => {
      const id = nodeIds.get(label);
      if (!id) throw new Error(`Seed refers to an unknown framework node: ${label}`);
      return id;
    };

    // Issuing bodies and Table 1's policies.
    const bodies = await tx.insert(t.issuingBodies).values([...issuingBodySeed]).returning({ id: t.issuingBodies.id, nameZh: t.issuingBodies.nameZh });
    const bodyId = new Map(bodies.map((b) => [b.nameZh, b.id]));
    for (const policy of tableOne) {
      const [row] = await tx
        .insert(t.policies)
        .values({
          titleKo: policy.titleKo,
          titleZh: policy.titleZh,
          titleEn: policy.titleEn,
          documentNumber: policy.documentNumber,
          instrumentType: policy.instrumentType,
          status: policy.status,
          announcedOn: policy.announcedOn,
          announcedPrecision: "month",
          effectiveOn: policy.effectiveOn,
          significance: "medium",
          relation: "confirms",
          summaryText: "",
          ...policySearchColumns(policy),
          createdById: admin.id,
        })
        .returning({ id: t.policies.id });
      await tx.insert(t.policyIssuingBodies).values(
        policy.issuers.map((nameZh, position) => ({ policyId: row.id, issuingBodyId: bodyId.get(nameZh)!, position })),
      );
      await tx.insert(t.policyFrameworkNodes).values([policy.category, ...policy.nodes].map((label) => ({ policyId: row.id, nodeId: nodeId(label) })));
      const passage = selectorForQuote(plainText, policy.titleKo);
      if (passage) await tx.insert(t.policyPassages).values({ policyId: row.id, revisionId: revision.id, selector: passage });
    }

    // The six response items, each tied to its sentence of the brief.
    for (const item of responseItemSeed) {
      const passage = selectorForQuote(plainText, item.title);
      if (!passage) throw new Error(`Response item sentence not found in the brief: ${item.title}`);
      const [row] = await tx
        .insert(t.responseItems)
        .values({
          title: item.title,
          priority: item.priority,
          status: "not_started",
          passage,
          passageRevisionId: revision.id,
          createdById: admin.id,
        })
        .returning({ id: t.responseItems.id });
      await tx.insert(t.responseItemFrameworkNodes).values(item.nodes.map((label) => ({ responseItemId: row.id, nodeId: nodeId(label) })));
    }

    await tx.insert(t.activity).values({
      actorId: null,
      action: "workspace.seeded",
      entityType: "brief",
      entityId: brief.id,
      after: { policies: tableOne.length, responseItems: responseItemSeed.length, adminEmail },
    });

    return { seeded: true, adminEmail, generatedPassword };
  });
}
