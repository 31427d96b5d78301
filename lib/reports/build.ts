import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, notInArray, or, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client";
import {
  annotations,
  frameworkDimensions,
  frameworkNodes,
  impacts,
  issuingBodies,
  policies,
  policyFrameworkNodes,
  policyIssuingBodies,
  progressUpdates,
  responseItemFrameworkNodes,
  responseItems,
  users,
} from "../../db/schema";
import { addDays, DEFAULT_TIME_ZONE } from "../format";
import { closedItemStatuses } from "../response-items/rules";
import type { Locale, ReportSection } from "../vocab";
import { capContent, type ReportContent, type ReportItemChange, type ReportPolicy } from "./content";


/** Items due within this many days after the period's end are listed with the overdue ones. */
export const DUE_WITHIN_DAYS = 14;
/** A policy's summary in a report: its first paragraph's worth. */
const SUMMARY_LIMIT = 600;

export type ReportRequest = { from: string; to: string; language: Locale; sections: readonly ReportSection[] };

// The team works in Seoul: a period of calendar dates is the instants of those days there.
const OFFSET = DEFAULT_TIME_ZONE === "Asia/Seoul" ? "+09:00" : "Z";
const startOf = (day: string) => new Date(`${day}T00:00:00${OFFSET}`);

/** The instants of a period: [start, end). */
type Span = { start: Date; end: Date };
const during = (column: AnyPgColumn, span: Span) => and(gte(column, span.start), lt(column, span.end));
const within = (at: Date | null, span: Span) => at !== null && at >= span.start && at < span.end;

const clip = (text: string) => (text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT - 1).trimEnd()}…` : text);

/**
 * The content of a period report, read in one pass of a few set queries (no query per entry):
 * what a saved report freezes and what the unsaved period download renders.
 */
export async function buildReportContent(tx: Executor, request: ReportRequest): Promise<ReportContent> {
  const { from, to, language } = request;
  const sections = new Set(request.sections);
  const start = startOf(from);
  const end = startOf(addDays(to, 1));
  const content: ReportContent = { from, to, language, sections: [...request.sections] };
  const en = language === "en";

  let newNodeCounts = new Map<string, number>();
  if (sections.has("policies") || sections.has("blind_spots")) {
    const { policySection, nodeCounts } = await policiesOfPeriod(tx, { from, to, start, end, en });
    newNodeCounts = nodeCounts;
    if (sections.has("policies")) content.policies = policySection;
  }
  if (sections.has("blind_spots")) content.blindSpots = await blindSpots(tx, newNodeCounts, en);
  if (sections.has("impacts")) content.impacts = await impactsOfPeriod(tx, { start, end });
  if (sections.has("items")) content.items = await itemsOfPeriod(tx, { start, end, to });
  if (sections.has("annotations")) content.annotations = await annotationsOfPeriod(tx, { start, end });
  return capContent(content);
}

async function policiesOfPeriod(tx: Executor, p: { from: string; to: string; start: Date; end: Date; en: boolean }) {
  const created = during(policies.createdAt, p);
  const announced = and(gte(policies.announcedOn, p.from), lte(policies.announcedOn, p.to));
  const updated = during(policies.updatedAt, p);
  const rows = await tx
    .select({
      id: policies.id,
      titleKo: policies.titleKo,
      titleZh: policies.titleZh,
      documentNumber: policies.documentNumber,
      announcedOn: policies.announcedOn,
      relation: policies.relation,
      summaryText: sql<string>`left(${policies.summaryText}, ${SUMMARY_LIMIT + 1})`,
      createdAt: policies.createdAt,
    })
    .from(policies)
    .where(and(isNull(policies.deletedAt), or(created, announced, updated)))
    .orderBy(asc(policies.announcedOn), asc(policies.titleKo));
  const ids = rows.map((r) => r.id);
  const [issuerRows, nodeRows] = ids.length
    ? await Promise.all([
        tx
          .select({ policyId: policyIssuingBodies.policyId, nameKo: issuingBodies.nameKo, nameEn: issuingBodies.nameEn, nameZh: issuingBodies.nameZh })
          .from(policyIssuingBodies)
          .innerJoin(issuingBodies, eq(issuingBodies.id, policyIssuingBodies.issuingBodyId))
          .where(inArray(policyIssuingBodies.policyId, ids))
          .orderBy(asc(policyIssuingBodies.position)),
        tx
          .select({ policyId: policyFrameworkNodes.policyId, nodeId: policyFrameworkNodes.nodeId })
          .from(policyFrameworkNodes)
          .where(inArray(policyFrameworkNodes.policyId, ids)),
      ])
    : [[], []];
  const issuers = new Map<string, string[]>();
  for (const r of issuerRows) {
    const name = p.en ? (r.nameEn ?? r.nameKo) : r.nameKo;
    issuers.set(r.policyId, [...(issuers.get(r.policyId) ?? []), name || r.nameZh]);
  }
  const entries = new Map<string, ReportPolicy>();
  for (const r of rows) {
    const isNew = within(r.createdAt, p) || (r.announcedOn !== null && r.announcedOn >= p.from && r.announcedOn <= p.to);
    entries.set(r.id, {
      id: r.id,
      change: isNew ? "new" : "changed",
      titleKo: r.titleKo,
      titleZh: r.titleZh,
      issuers: issuers.get(r.id) ?? [],
      documentNumber: r.documentNumber,
      announcedOn: r.announcedOn,
      relation: r.relation,
      summary: clip(r.summaryText),
    });
  }
  const policiesByNode = new Map<string, ReportPolicy[]>();
  const tagged = new Set<string>();
  for (const { policyId, nodeId } of nodeRows) {
    const entry = entries.get(policyId);
    if (!entry) continue;
    policiesByNode.set(nodeId, [...(policiesByNode.get(nodeId) ?? []), entry]);
    tagged.add(policyId);
  }
  const framework = await frameworkOf(tx, p.en);
  const dimensions = framework
    .map((d) => ({
      id: d.id,
      name: d.name,
      nodes: d.nodes.filter((n) => policiesByNode.has(n.id)).map((n) => ({ id: n.id, label: n.label, policies: policiesByNode.get(n.id) ?? [] })),
    }))
    .filter((d) => d.nodes.length > 0);
  const nodeCounts = new Map<string, number>();
  for (const [nodeId, list] of policiesByNode) {
    const fresh = list.filter((e) => e.change === "new").length;
    if (fresh) nodeCounts.set(nodeId, fresh);
  }
  return {
    policySection: { total: entries.size, dimensions, untagged: [...entries.values()].filter((e) => !tagged.has(e.id)) },
    nodeCounts,
  };
}

/** The framework's dimensions and nodes in order (archived nodes included: old policies keep them). */
async function frameworkOf(tx: Executor, en: boolean) {
  const rows = await tx
    .select({
      dimensionId: frameworkDimensions.id,
      nameKo: frameworkDimensions.nameKo,
      nameEn: frameworkDimensions.nameEn,
      nodeId: frameworkNodes.id,
      labelKo: frameworkNodes.labelKo,
      labelEn: frameworkNodes.labelEn,
    })
    .from(frameworkNodes)
    .innerJoin(frameworkDimensions, eq(frameworkDimensions.id, frameworkNodes.dimensionId))
    .orderBy(asc(frameworkDimensions.position), asc(frameworkNodes.position));
  const out: { id: string; name: string; nodes: { id: string; label: string }[] }[] = [];
  for (const r of rows) {
    let dimension = out.at(-1);
    if (dimension?.id !== r.dimensionId) {
      dimension = { id: r.dimensionId, name: en ? r.nameEn : r.nameKo, nodes: [] };
      out.push(dimension);
    }
    dimension.nodes.push({ id: r.nodeId, label: en ? r.labelEn : r.labelKo });
  }
  return out;
}

/** Nodes that received new policies in the period and have no live response item. */
async function blindSpots(tx: Executor, nodeCounts: Map<string, number>, en: boolean) {
  if (!nodeCounts.size) return [];
  const covered = await tx
    .selectDistinct({ nodeId: responseItemFrameworkNodes.nodeId })
    .from(responseItemFrameworkNodes)
    .innerJoin(responseItems, eq(responseItems.id, responseItemFrameworkNodes.responseItemId))
    .where(and(inArray(responseItemFrameworkNodes.nodeId, [...nodeCounts.keys()]), isNull(responseItems.archivedAt)));
  const coveredIds = new Set(covered.map((r) => r.nodeId));
  return (await frameworkOf(tx, en)).flatMap((d) =>
    d.nodes
      .filter((n) => nodeCounts.has(n.id) && !coveredIds.has(n.id))
      .map((n) => ({ nodeId: n.id, dimension: d.name, label: n.label, policyCount: nodeCounts.get(n.id) ?? 0 })),
  );
}

async function impactsOfPeriod(tx: Executor, span: Span) {
  const raiser = alias(users, "raiser");
  const acknowledger = alias(users, "acknowledger");
  const rows = await tx
    .select({
      id: impacts.id,
      policyId: impacts.policyId,
      policyTitle: policies.titleKo,
      itemId: impacts.responseItemId,
      itemNumber: responseItems.number,
      itemTitle: responseItems.title,
      note: impacts.note,
      createdAt: impacts.createdAt,
      acknowledgedAt: impacts.acknowledgedAt,
      raisedBy: raiser.displayName,
      acknowledgedBy: acknowledger.displayName,
    })
    .from(impacts)
    .innerJoin(policies, eq(policies.id, impacts.policyId))
    .innerJoin(responseItems, eq(responseItems.id, impacts.responseItemId))
    .leftJoin(raiser, eq(raiser.id, impacts.createdById))
    .leftJoin(acknowledger, eq(acknowledger.id, impacts.acknowledgedById))
    .where(
      and(
        isNull(impacts.removedAt),
        isNull(policies.deletedAt),
        or(during(impacts.createdAt, span), during(impacts.acknowledgedAt, span)),
      ),
    )
    .orderBy(asc(impacts.createdAt));
  const base = (r: (typeof rows)[number]) => ({
    id: r.id,
    policyId: r.policyId,
    policyTitle: r.policyTitle,
    itemId: r.itemId,
    itemNumber: r.itemNumber,
    itemTitle: r.itemTitle,
    note: r.note,
  });
  return {
    raised: rows.filter((r) => within(r.createdAt, span)).map((r) => ({ ...base(r), at: r.createdAt.toISOString(), by: r.raisedBy })),
    acknowledged: rows
      .filter((r) => within(r.acknowledgedAt, span))
      .sort((a, b) => Number(a.acknowledgedAt) - Number(b.acknowledgedAt))
      .map((r) => ({ ...base(r), at: (r.acknowledgedAt as Date).toISOString(), by: r.acknowledgedBy })),
  };
}

async function itemsOfPeriod(tx: Executor, p: Span & { to: string }) {
  const owner = alias(users, "owner");
  const author = alias(users, "author");
  const updates = await tx
    .select({
      itemId: responseItems.id,
      number: responseItems.number,
      title: responseItems.title,
      status: responseItems.status,
      owner: owner.displayName,
      at: progressUpdates.createdAt,
      author: author.displayName,
      body: progressUpdates.body,
      statusBefore: progressUpdates.statusBefore,
      statusAfter: progressUpdates.statusAfter,
    })
    .from(progressUpdates)
    .innerJoin(responseItems, eq(responseItems.id, progressUpdates.responseItemId))
    .innerJoin(author, eq(author.id, progressUpdates.authorId))
    .leftJoin(owner, eq(owner.id, responseItems.ownerId))
    .where(and(during(progressUpdates.createdAt, p), isNull(responseItems.archivedAt)))
    .orderBy(asc(responseItems.number), asc(progressUpdates.createdAt));
  const changedIds = new Set(updates.filter((u) => u.statusBefore !== u.statusAfter).map((u) => u.itemId));
  const statusChanged: ReportItemChange[] = [];
  for (const u of updates) {
    if (!changedIds.has(u.itemId)) continue;
    let item = statusChanged.at(-1);
    if (item?.id !== u.itemId) {
      item = { id: u.itemId, number: u.number, title: u.title, owner: u.owner, status: u.status, updates: [] };
      statusChanged.push(item);
    }
    item.updates.push({ at: u.at.toISOString(), author: u.author, body: u.body, statusBefore: u.statusBefore, statusAfter: u.statusAfter });
  }
  const dueRows = await tx
    .select({ id: responseItems.id, number: responseItems.number, title: responseItems.title, owner: owner.displayName, status: responseItems.status, dueOn: responseItems.dueOn })
    .from(responseItems)
    .leftJoin(owner, eq(owner.id, responseItems.ownerId))
    .where(and(isNull(responseItems.archivedAt), notInArray(responseItems.status, [...closedItemStatuses]), lte(responseItems.dueOn, addDays(p.to, DUE_WITHIN_DAYS))))
    .orderBy(asc(responseItems.dueOn), asc(responseItems.number));
  const due = dueRows.map((r) => ({ ...r, dueOn: r.dueOn as string, overdue: (r.dueOn as string) < p.to }));
  return { statusChanged, due };
}

async function annotationsOfPeriod(tx: Executor, span: Span) {
  const author = alias(users, "author");
  const resolver = alias(users, "resolver");
  const rows = await tx
    .select({
      id: annotations.id,
      quote: sql<string>`${annotations.selector}->>'quote'`,
      body: sql<string>`left(${annotations.bodyText}, ${SUMMARY_LIMIT + 1})`,
      createdAt: annotations.createdAt,
      resolvedAt: annotations.resolvedAt,
      author: author.displayName,
      resolver: resolver.displayName,
    })
    .from(annotations)
    .innerJoin(author, eq(author.id, annotations.authorId))
    .leftJoin(resolver, eq(resolver.id, annotations.resolvedById))
    .where(
      and(
        isNull(annotations.deletedAt),
        // Private notes are their author's alone: never in a document handed to the team.
        eq(annotations.isPrivate, false),
        or(during(annotations.createdAt, span), and(during(annotations.resolvedAt, span), ne(annotations.status, "open"))),
      ),
    )
    .orderBy(asc(annotations.createdAt));
  return {
    opened: rows.filter((r) => within(r.createdAt, span)).map((r) => ({ id: r.id, quote: r.quote, body: clip(r.body), author: r.author, at: r.createdAt.toISOString() })),
    resolved: rows
      .filter((r) => within(r.resolvedAt, span))
      .map((r) => ({ id: r.id, quote: r.quote, body: clip(r.body), author: r.resolver ?? r.author, at: (r.resolvedAt as Date).toISOString() })),
  };
}
