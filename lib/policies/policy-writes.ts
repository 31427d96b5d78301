import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import {
  type PassageSelector,
  briefRevisions,
  briefs,
  frameworkNodes,
  issuingBodies,
  policies,
  policyFrameworkNodes,
  policyIssuingBodies,
  policyPassages,
} from "../../db/schema";
import { AppError } from "../actions/result";
import { selectorAt } from "../brief/selectors";
import { plainTextOf } from "../editor/plain-text";
import type { PolicyFieldsData } from "./schemas";
import { policySearchColumns } from "./search-terms";

/** The references of a policy, checked against the database and ready to link. */
export type ResolvedReferences = {
  nodeIds: string[];
  bodyIds: string[];
  passages: { revisionId: string; selector: PassageSelector }[];
};

/**
 * Checks the ids a form sent (framework nodes must exist and be live, bodies must exist),
 * creates the new issuing bodies (or reuses one with the same Chinese name), and turns passage
 * offsets into selectors on the current brief revision, refusing a quote that is not there.
 */
export async function resolveReferences(tx: Executor, input: PolicyFieldsData, options: { policyId?: string } = {}): Promise<ResolvedReferences> {
  const nodeIds = [...new Set(input.nodeIds)];
  if (nodeIds.length) {
    // Live nodes, or archived ones this policy already has: an edit keeps them (they cannot be added anew).
    const kept = options.policyId
      ? sql`${frameworkNodes.id} in (select ${policyFrameworkNodes.nodeId} from ${policyFrameworkNodes} where ${policyFrameworkNodes.policyId} = ${options.policyId})`
      : sql`false`;
    const allowed = await tx
      .select({ id: frameworkNodes.id })
      .from(frameworkNodes)
      .where(and(inArray(frameworkNodes.id, nodeIds), isNull(frameworkNodes.mergedIntoId), or(isNull(frameworkNodes.archivedAt), kept)));
    if (allowed.length !== nodeIds.length) throw new AppError("invalid", { fields: { nodeIds: "policies.error.unknownNode" } });
  }

  const bodyIds = [...new Set(input.issuingBodyIds)];
  if (bodyIds.length) {
    const known = await tx.select({ id: issuingBodies.id }).from(issuingBodies).where(inArray(issuingBodies.id, bodyIds));
    if (known.length !== bodyIds.length) throw new AppError("invalid", { fields: { issuingBodyIds: "policies.error.unknownBody" } });
  }
  for (const body of input.newIssuingBodies) {
    await tx.insert(issuingBodies).values(body).onConflictDoNothing({ target: issuingBodies.nameZh });
    const [row] = await tx.select({ id: issuingBodies.id }).from(issuingBodies).where(eq(issuingBodies.nameZh, body.nameZh));
    if (!bodyIds.includes(row.id)) bodyIds.push(row.id);
  }

  const passages: ResolvedReferences["passages"] = [];
  if (input.passages.length) {
    const [current] = await tx
      .select({ id: briefRevisions.id, plainText: briefRevisions.plainText })
      .from(briefs)
      .innerJoin(briefRevisions, eq(briefRevisions.id, briefs.currentRevisionId))
      .orderBy(asc(briefs.createdAt))
      .limit(1);
    // A passage kept from an earlier revision stays on that revision (a new revision of the
    // brief must not make every policy that cites it unsavable); a new pick is on the current one.
    const earlierIds = [...new Set(input.passages.map((p) => p.revisionId).filter((id): id is string => Boolean(id) && id !== current?.id))];
    const earlier = earlierIds.length
      ? await tx.select({ id: briefRevisions.id, plainText: briefRevisions.plainText }).from(briefRevisions).where(inArray(briefRevisions.id, earlierIds))
      : [];
    const texts = new Map([...(current ? [current] : []), ...earlier].map((r) => [r.id, r.plainText]));
    for (const p of input.passages) {
      const revisionId = p.revisionId ?? current?.id;
      const text = revisionId ? texts.get(revisionId) : undefined;
      if (!revisionId || text === undefined || text.slice(p.start, p.end) !== p.quote) {
        throw new AppError("invalid", { fields: { passages: "policies.error.passageStale" } });
      }
      passages.push({ revisionId, selector: selectorAt(text, p.start, p.end) });
    }
  }
  return { nodeIds, bodyIds, passages };
}

/** The policy columns a create or update writes, with the derived search columns. */
export function policyColumns(input: PolicyFieldsData) {
  const summaryText = input.summary ? plainTextOf(input.summary) : "";
  return {
    titleZh: input.titleZh,
    titleKo: input.titleKo,
    titleEn: input.titleEn,
    documentNumber: input.documentNumber,
    instrumentType: input.instrumentType,
    status: input.status,
    announcedOn: input.announcedOn,
    announcedPrecision: input.announcedOn ? input.announcedPrecision : ("day" as const),
    effectiveOn: input.effectiveOn,
    sourceUrl: input.sourceUrl,
    lastCheckedOn: input.lastCheckedOn,
    significance: input.significance,
    relation: input.relation,
    summary: input.summary,
    summaryText,
    ...policySearchColumns({ ...input, summaryText }),
  };
}

/** Replaces the policy's bodies, nodes and passages with `refs`. */
export async function writeLinks(tx: Executor, policyId: string, refs: ResolvedReferences, replace: boolean) {
  if (replace) {
    await tx.delete(policyIssuingBodies).where(eq(policyIssuingBodies.policyId, policyId));
    await tx.delete(policyFrameworkNodes).where(eq(policyFrameworkNodes.policyId, policyId));
    await tx.delete(policyPassages).where(eq(policyPassages.policyId, policyId));
  }
  if (refs.bodyIds.length) {
    await tx.insert(policyIssuingBodies).values(refs.bodyIds.map((issuingBodyId, position) => ({ policyId, issuingBodyId, position })));
  }
  if (refs.nodeIds.length) await tx.insert(policyFrameworkNodes).values(refs.nodeIds.map((nodeId) => ({ policyId, nodeId })));
  if (refs.passages.length) await tx.insert(policyPassages).values(refs.passages.map((p) => ({ policyId, ...p })));
}

/** What the history shows of a policy: its fields in readable form (labels, not ids). */
export type PolicySnapshot = Record<string, unknown>;

/** The policy's current state as the activity log records it. */
export async function snapshotPolicy(tx: Executor, policyId: string): Promise<PolicySnapshot> {
  const [row] = await tx.select().from(policies).where(eq(policies.id, policyId));
  const [bodies, nodes, passages] = await Promise.all([
    tx
      .select({ name: issuingBodies.nameKo })
      .from(policyIssuingBodies)
      .innerJoin(issuingBodies, eq(issuingBodies.id, policyIssuingBodies.issuingBodyId))
      .where(eq(policyIssuingBodies.policyId, policyId))
      .orderBy(asc(policyIssuingBodies.position)),
    tx
      .select({ label: frameworkNodes.labelKo })
      .from(policyFrameworkNodes)
      .innerJoin(frameworkNodes, eq(frameworkNodes.id, policyFrameworkNodes.nodeId))
      .where(eq(policyFrameworkNodes.policyId, policyId))
      .orderBy(asc(frameworkNodes.labelKo)),
    tx.select({ selector: policyPassages.selector }).from(policyPassages).where(eq(policyPassages.policyId, policyId)).orderBy(asc(policyPassages.createdAt)),
  ]);
  return {
    titleZh: row.titleZh,
    titleKo: row.titleKo,
    titleEn: row.titleEn,
    documentNumber: row.documentNumber,
    instrumentType: row.instrumentType,
    status: row.status,
    announcedOn: row.announcedOn,
    effectiveOn: row.effectiveOn,
    sourceUrl: row.sourceUrl,
    lastCheckedOn: row.lastCheckedOn,
    significance: row.significance,
    relation: row.relation,
    summary: row.summaryText,
    issuingBodies: bodies.map((b) => b.name).join(", "),
    nodes: nodes.map((n) => n.label).join(", "),
    passages: passages.map((p) => p.selector.quote).join(" / "),
  };
}

/** The fields that differ between two snapshots, as `{ before, after }` of those fields only. */
export function changedFields(before: PolicySnapshot, after: PolicySnapshot) {
  const b: PolicySnapshot = {};
  const a: PolicySnapshot = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
