/**
 * Fills a fresh embedded database (DATA_DIR) with the hostile corpus, for tests/e2e/hostile.spec.ts.
 * scripts/e2e.mjs runs it before it starts the server on that directory:
 *
 *   DATA_DIR=… ADMIN_EMAIL=… ADMIN_PASSWORD=… HOSTILE_IDS_FILE=… tsx --conditions react-server tests/e2e/seed-hostile.ts
 *
 * Legitimate text goes in through the lib verbs, as the server actions would write it, into every
 * field that is shown again. Rich text the validator refuses is also written straight into the
 * table (as an older version or a hand-made SQL fix could have left it), so the test sees that the
 * pages never render a stored document without checking it again.
 */
import fs from "node:fs";
import { asc, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { migrateAndSeed } from "@/db/migrate";
import * as schema from "@/db/schema";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { Actor } from "@/lib/auth/session";
import { publishRevision } from "@/lib/brief/publish-revision";
import { addComment } from "@/lib/comments/add-comment";
import { addNode } from "@/lib/framework/add-node";
import { translator } from "@/lib/i18n/catalog";
import { createImpact } from "@/lib/impacts/create-impact";
import { createPolicy } from "@/lib/policies/create-policy";
import { importPolicies } from "@/lib/policies/import-policies";
import { addProgressUpdate } from "@/lib/response-items/add-progress-update";
import { assignOwner } from "@/lib/response-items/assign-owner";
import { createResponseItem } from "@/lib/response-items/create-response-item";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { inviteMember } from "@/lib/users/invite-member";
import { csvCell, csvSafeLegitimate, hostileDocs, legitimateDoc, legitimateText } from "../support/hostile-corpus";

/** Where the spec starts: written to $HOSTILE_IDS_FILE. */
export type HostileIds = {
  briefId: string;
  revisionNumber: number;
  annotationId: string;
  policyId: string;
  storedHostilePolicyId: string;
  itemId: string;
  storedHostileItemId: string;
};

const entries = Object.entries(legitimateText);
const docOf = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function main() {
  const handle = getDatabase();
  const db = handle.db;
  try {
    await migrateAndSeed(handle, { adminEmail: process.env.ADMIN_EMAIL, adminPassword: process.env.ADMIN_PASSWORD });
    const [adminRow] = await db.select().from(schema.users).where(eq(schema.users.email, String(process.env.ADMIN_EMAIL))).limit(1);
    const admin: Actor = adminRow;

    // A member whose name is markup, and one whose name is RTL-overridden extension-B text.
    const members: Actor[] = [];
    for (const displayName of [legitimateText.imgOnerror, `${legitimateText.rightToLeftOverride} ${legitimateText.extensionB}`]) {
      const invitation = await inviteMember({ actor: admin, input: { email: `m${members.length}@hostile.test`, role: "editor" } });
      const token = invitation.path.split("/").pop()!;
      const { userId } = await acceptInvitation({ input: { token, displayName, password: "hostile-member-pw", passwordConfirm: "hostile-member-pw" } });
      const [row] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
      members.push(row);
    }
    const [member, otherMember] = members;

    // Framework nodes named with the corpus (the matrix and every node chip show them).
    const [dimension] = await db.select().from(schema.frameworkDimensions).orderBy(asc(schema.frameworkDimensions.position)).limit(1);
    for (const [name, value] of entries.slice(0, 4)) {
      await addNode({ actor: admin, input: { dimensionId: dimension.id, labelKo: value, labelEn: `${name} ${value}`.slice(0, 120), description: value } });
    }
    const nodes = await db
      .select({ id: schema.frameworkNodes.id })
      .from(schema.frameworkNodes)
      .where(eq(schema.frameworkNodes.dimensionId, dimension.id))
      .orderBy(asc(schema.frameworkNodes.position));
    const nodeIds = nodes.slice(-4).map((n) => n.id);

    // One policy and one response item per legitimate string, in every plain field they have.
    const policyIds: string[] = [];
    const itemIds: string[] = [];
    for (const [i, [, value]] of entries.entries()) {
      const policy = await createPolicy({
        actor: admin,
        input: {
          titleZh: `${value} ${i}`,
          titleKo: `${value} ${i}`,
          titleEn: value,
          documentNumber: `${value} ${i}`,
          sourceUrl: "https://example.org/?q=<script>",
          summary: JSON.stringify(i === 0 ? legitimateDoc() : docOf(value)),
          nodeIds,
          newIssuingBodies: i < 2 ? [{ nameZh: value, nameKo: `${value} 기관` }] : [],
          confirmDuplicates: true,
        },
      });
      policyIds.push(policy.id!);
      const item = await createResponseItem({
        actor: admin,
        input: { title: value.slice(0, 200), description: JSON.stringify(i === 0 ? legitimateDoc() : docOf(value)), nodeIds, priority: "high", dueOn: "2020-01-01" },
      });
      itemIds.push(item.id);
    }
    let { version } = await assignOwner({ actor: admin, input: { id: itemIds[0], version: 1, ownerId: member.id } });
    for (const [i, [, value]] of entries.entries()) {
      ({ version } = await addProgressUpdate({ actor: member, input: { id: itemIds[0], version, status: i % 2 ? "blocked" : "in_progress", body: value, acknowledgeImpactIds: [] } }));
    }
    for (const [i, [, value]] of entries.slice(0, 6).entries()) {
      await createImpact({ actor: admin, input: { policyId: policyIds[i], responseItemId: itemIds[0], note: value } });
    }
    // A few more policies through the CSV import, every legitimate cell at once.
    const csvRows = Object.values(csvSafeLegitimate)
      .slice(0, 3)
      .map((value, i) => [`CSV ${i} ${value}`, `가져온 정책 ${i} ${value}`, value!, `${value}\n${value}`].map(csvCell).join(","));
    await importPolicies({ actor: admin, csv: `title_zh,title_ko,title_en,summary\r\n${csvRows.join("\r\n")}\r\n`, dryRun: false, t: translator("ko") });

    // The brief: a revision that starts with every legitimate string, annotated on the script tag.
    const [brief] = await db.select().from(schema.briefs).limit(1);
    const [current] = await db.select().from(schema.briefRevisions).where(eq(schema.briefRevisions.id, brief.currentRevisionId!));
    const doc = { type: "doc", content: [...(legitimateDoc().content as unknown[]), ...(current.doc.content ?? [])] };
    await publishRevision({ actor: admin, input: { briefId: brief.id, version: brief.version, doc: JSON.stringify(doc), note: legitimateText.scriptTag } });
    const [latest] = await db
      .select()
      .from(schema.briefRevisions)
      .where(eq(schema.briefRevisions.id, (await db.select().from(schema.briefs).where(eq(schema.briefs.id, brief.id)))[0].currentRevisionId!));
    const quote = legitimateText.scriptTag;
    const start = latest.plainText.indexOf(quote);
    const tags = Object.values(legitimateText).filter((v) => v.length <= 40);
    const annotation = await createAnnotation({
      actor: member,
      input: { revisionId: latest.id, start, end: start + quote.length, quote, body: JSON.stringify(legitimateDoc()), tags, isPrivate: false },
    });

    // Comments by the members, mentioning the admin (their inbox shows the names and the titles).
    const mention = (user: Actor, text: string) => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: user.id, label: user.displayName } }, { type: "text", text: ` ${text}` }] }],
    });
    await addComment({ actor: member, input: { targetType: "annotation", targetId: annotation.annotationId, body: JSON.stringify(mention(admin, legitimateText.svgOnload)) } });
    await addComment({ actor: member, input: { targetType: "policy", targetId: policyIds[0], body: JSON.stringify(legitimateDoc()) } });
    await addComment({ actor: otherMember, input: { targetType: "response_item", targetId: itemIds[0], body: JSON.stringify(mention(admin, legitimateText.iframeSrcdoc)) } });

    // Refused documents, stored behind the validator's back: the pages must check them again.
    const raw = Object.values(hostileDocs).filter((d) => d.type === "doc");
    for (const [i, hostile] of raw.entries()) {
      const rawDoc = hostile as unknown as schema.RichTextDoc;
      const [policy] = await db.insert(schema.policies).values({ titleKo: `저장된 위험 문서 ${i}`, titleZh: `存储的危险文档 ${i}`, summary: rawDoc, summaryText: "" }).returning();
      await db.insert(schema.comments).values({ targetType: "policy", targetId: policy.id, body: rawDoc, bodyText: "", authorId: admin.id });
      if (i === 0) {
        await db.update(schema.responseItems).set({ description: rawDoc }).where(eq(schema.responseItems.id, itemIds[1]));
        await db.insert(schema.comments).values({ targetType: "annotation", targetId: annotation.annotationId, body: rawDoc, bodyText: "", authorId: admin.id });
      }
    }
    const [storedHostile] = await db.select({ id: schema.policies.id }).from(schema.policies).where(eq(schema.policies.titleKo, "저장된 위험 문서 0"));
    const [{ number: revisionNumber }] = await db.select({ number: schema.briefRevisions.number }).from(schema.briefRevisions).where(eq(schema.briefRevisions.id, latest.id));
    const ids: HostileIds = {
      briefId: brief.id,
      revisionNumber,
      annotationId: annotation.annotationId,
      policyId: policyIds[0],
      storedHostilePolicyId: storedHostile.id,
      itemId: itemIds[0],
      storedHostileItemId: itemIds[1],
    };
    if (process.env.HOSTILE_IDS_FILE) fs.writeFileSync(process.env.HOSTILE_IDS_FILE, JSON.stringify(ids));
    console.log(`hostile seed: ${policyIds.length} policies, ${itemIds.length} items, ${raw.length} refused documents stored raw`);
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
