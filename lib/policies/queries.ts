import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { type PassageSelector, type RichTextDoc, issuingBodies, policies, policyIssuingBodies, policyPassages, users } from "../../db/schema";
import type { DatePrecision } from "../format";
import { type NodeChip, nodesForPolicies } from "../framework/queries";
import { isUuid } from "../uuid";
import type { BriefRelation, InstrumentType, PolicyStatus, Priority } from "../vocab";

export type PolicyRow = {
  id: string;
  titleKo: string;
  titleZh: string | null;
  instrumentType: InstrumentType;
  status: PolicyStatus;
  announcedOn: string | null;
  announcedPrecision: DatePrecision;
  nodes: NodeChip[];
};

export type IssuingBodyView = { id: string; nameZh: string; nameKo: string; nameEn: string | null; abbreviation: string | null };

export type PolicyDetail = PolicyRow & {
  titleEn: string | null;
  documentNumber: string | null;
  effectiveOn: string | null;
  sourceUrl: string | null;
  lastCheckedOn: string | null;
  significance: Priority;
  relation: BriefRelation | null;
  summary: RichTextDoc | null;
  issuingBodies: IssuingBodyView[];
  /** Each passage with the brief revision its offsets count in. */
  /** `orphaned`: not found on the current revision; the selector is where it was last seen. */
  passages: (PassageSelector & { revisionId: string; orphaned: boolean })[];
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  version: number;
};

const live = isNull(policies.deletedAt);
// Newest first: by announcement, undated ones last, then by when they were logged.
const newestFirst = [sql`${policies.announcedOn} desc nulls last`, desc(policies.createdAt), asc(policies.id)];

const rowColumns = {
  id: policies.id,
  titleKo: policies.titleKo,
  titleZh: policies.titleZh,
  instrumentType: policies.instrumentType,
  status: policies.status,
  announcedOn: policies.announcedOn,
  announcedPrecision: policies.announcedPrecision,
};

/** Live (not deleted) policies, newest first, with their framework nodes. */
export async function listPolicies(options: { limit?: number } = {}): Promise<PolicyRow[]> {
  const query = db().select(rowColumns).from(policies).where(live).orderBy(...newestFirst);
  const rows = options.limit ? await query.limit(options.limit) : await query;
  const nodes = await nodesForPolicies(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, nodes: nodes.get(r.id) ?? [] }));
}

/**
 * One policy with everything its page shows, or null (unknown or malformed id, or deleted unless
 * `includeDeleted` — admins see deleted policies to restore them).
 */
export async function getPolicy(id: string, options: { includeDeleted?: boolean } = {}): Promise<PolicyDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select({
      ...rowColumns,
      titleEn: policies.titleEn,
      documentNumber: policies.documentNumber,
      effectiveOn: policies.effectiveOn,
      sourceUrl: policies.sourceUrl,
      lastCheckedOn: policies.lastCheckedOn,
      significance: policies.significance,
      relation: policies.relation,
      summary: policies.summary,
      createdAt: policies.createdAt,
      updatedAt: policies.updatedAt,
      createdByName: users.displayName,
      deletedAt: policies.deletedAt,
      version: policies.version,
    })
    .from(policies)
    .leftJoin(users, eq(users.id, policies.createdById))
    .where(and(eq(policies.id, id), options.includeDeleted ? undefined : live))
    .limit(1);
  if (!row) return null;
  const [nodes, bodies, passages] = await Promise.all([
    nodesForPolicies([id]),
    db()
      .select({
        id: issuingBodies.id,
        nameZh: issuingBodies.nameZh,
        nameKo: issuingBodies.nameKo,
        nameEn: issuingBodies.nameEn,
        abbreviation: issuingBodies.abbreviation,
      })
      .from(policyIssuingBodies)
      .innerJoin(issuingBodies, eq(issuingBodies.id, policyIssuingBodies.issuingBodyId))
      .where(eq(policyIssuingBodies.policyId, id))
      .orderBy(asc(policyIssuingBodies.position)),
    db()
      .select({ selector: policyPassages.selector, revisionId: policyPassages.revisionId, orphaned: policyPassages.orphaned })
      .from(policyPassages)
      .where(eq(policyPassages.policyId, id))
      .orderBy(asc(policyPassages.createdAt)),
  ]);
  return { ...row, nodes: nodes.get(id) ?? [], issuingBodies: bodies, passages: passages.map((p) => ({ ...p.selector, revisionId: p.revisionId, orphaned: p.orphaned })) };
}

export type CitedPassage = { start: number; end: number; quote: string; policies: { id: string; titleKo: string }[] };

/**
 * The passages of a revision that live policies cite (orphaned ones are on no revision's text),
 * one entry per passage with every policy citing it, in reading order.
 */
export async function listCitedPassages(revisionId: string): Promise<CitedPassage[]> {
  const rows = await db()
    .select({ selector: policyPassages.selector, policyId: policies.id, titleKo: policies.titleKo })
    .from(policyPassages)
    .innerJoin(policies, eq(policies.id, policyPassages.policyId))
    .where(and(eq(policyPassages.revisionId, revisionId), eq(policyPassages.orphaned, false), live))
    .orderBy(asc(policyPassages.createdAt));
  const byRange = new Map<string, CitedPassage>();
  for (const row of rows) {
    const key = `${row.selector.start}-${row.selector.end}`;
    const entry = byRange.get(key) ?? { start: row.selector.start, end: row.selector.end, quote: row.selector.quote, policies: [] };
    if (!entry.policies.some((p) => p.id === row.policyId)) entry.policies.push({ id: row.policyId, titleKo: row.titleKo });
    byRange.set(key, entry);
  }
  return [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
