import "server-only";
import { and, asc, desc, eq, exists, inArray, isNull, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { db } from "../../db/client";
import {
  type PassageSelector,
  type RichTextDoc,
  briefRevisions,
  impacts,
  policies,
  progressUpdates,
  responseItemFrameworkNodes,
  responseItems,
  users,
} from "../../db/schema";
import { type NodeChip, nodesForResponseItems } from "../framework/queries";
import { isUuid } from "../uuid";
import type { ItemStatus, Priority } from "../vocab";
import type { ItemFilters } from "./filters";
import { closedItemStatuses, compareForOwner } from "./rules";

export type ResponseItemRow = {
  id: string;
  number: number;
  title: string;
  /** Null when unowned — or when the owner was deactivated (shown as unowned everywhere). */
  ownerId: string | null;
  ownerName: string | null;
  status: ItemStatus;
  priority: Priority;
  dueOn: string | null;
  /** Live impacts on the item its owner has not acknowledged yet. */
  openImpacts: number;
  lastUpdateAt: Date | null;
  version: number;
};

export type ResponseItemDetail = ResponseItemRow & {
  description: RichTextDoc | null;
  passage: PassageSelector | null;
  passageRevisionNumber: number | null;
  /** The passage was not found on the current revision (shown as last seen). */
  passageOrphaned: boolean;
  nodes: NodeChip[];
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
};

/** Impacts that count: not removed, on a policy that is not deleted. */
export const liveImpact = and(isNull(impacts.removedAt), sql`exists (select 1 from ${policies} where ${policies.id} = ${impacts.policyId} and ${policies.deletedAt} is null)`);
const openImpactCount = sql<number>`(select count(*)::int from ${impacts} where ${impacts.responseItemId} = ${responseItems.id} and ${impacts.acknowledgedAt} is null and ${liveImpact})`;

// An owner who was deactivated is joined away: the item reads as unowned.
const activeOwner = and(eq(users.id, responseItems.ownerId), isNull(users.deactivatedAt));

const rowColumns = {
  id: responseItems.id,
  number: responseItems.number,
  title: responseItems.title,
  ownerId: users.id,
  ownerName: users.displayName,
  status: responseItems.status,
  priority: responseItems.priority,
  dueOn: responseItems.dueOn,
  openImpacts: openImpactCount,
  lastUpdateAt: sql<Date | null>`(select max(${progressUpdates.createdAt}) from ${progressUpdates} where ${progressUpdates.responseItemId} = ${responseItems.id})`.mapWith(
    (v) => (v === null ? null : new Date(v)),
  ),
  version: responseItems.version,
};

const live = isNull(responseItems.archivedAt);
const priorityRank = sql`case ${responseItems.priority} when 'high' then 0 when 'medium' then 1 else 2 end`;

type ListContext = { actorId?: string; today?: string };

/** The WHERE and ORDER BY of the list and the board for `filters`. */
function listQuery(filters: Partial<ItemFilters>, context: ListContext): { where: SQL | undefined; order: SQL[] } {
  const where: (SQL | undefined)[] = [live];
  if (filters.owner === "none") where.push(isNull(users.id));
  else if (filters.owner) where.push(eq(users.id, filters.owner));
  if (filters.mine && context.actorId) where.push(eq(users.id, context.actorId));
  if (filters.status) where.push(eq(responseItems.status, filters.status));
  if (filters.priority) where.push(eq(responseItems.priority, filters.priority));
  if (filters.node) {
    where.push(
      exists(
        db()
          .select({ one: sql`1` })
          .from(responseItemFrameworkNodes)
          .where(and(eq(responseItemFrameworkNodes.responseItemId, responseItems.id), eq(responseItemFrameworkNodes.nodeId, filters.node))),
      ),
    );
  }
  if (filters.overdue && context.today) {
    where.push(lt(responseItems.dueOn, context.today), notInArray(responseItems.status, [...closedItemStatuses]));
  }
  if (filters.needsReview) where.push(sql`${openImpactCount} > 0`);
  const order =
    filters.sort === "due"
      ? [sql`${responseItems.dueOn} asc nulls last`, sql`${responseItems.number} asc`]
      : filters.sort === "priority"
        ? [priorityRank, sql`${responseItems.dueOn} asc nulls last`, sql`${responseItems.number} asc`]
        : [sql`${responseItems.number} asc`];
  return { where: and(...where), order };
}

/** Live (not archived) response items matching `filters`, in the filters' order. One query. */
export async function listResponseItems(filters: Partial<ItemFilters> = {}, context: ListContext = {}): Promise<ResponseItemRow[]> {
  const { where, order } = listQuery(filters, context);
  return db()
    .select(rowColumns)
    .from(responseItems)
    .leftJoin(users, activeOwner)
    .where(where)
    .orderBy(...order);
}

export type ItemRef = { id: string; status: ItemStatus };

/**
 * The ids and statuses of the items matching `filters`, in order: cheap (no per-item counts), so a
 * screen can count and choose what it shows, then read those rows whole with `responseItemRows`.
 */
export async function listResponseItemRefs(filters: Partial<ItemFilters> = {}, context: ListContext = {}): Promise<ItemRef[]> {
  const { where, order } = listQuery(filters, context);
  return db().select({ id: responseItems.id, status: responseItems.status }).from(responseItems).leftJoin(users, activeOwner).where(where).orderBy(...order);
}

/** The rows of the items `ids`, in that order (open impacts and last update included). One query. */
export async function responseItemRows(ids: string[]): Promise<ResponseItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await db().select(rowColumns).from(responseItems).leftJoin(users, activeOwner).where(inArray(responseItems.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The live items `ownerId` owns: overdue first, then by due date, closed ones last. */
export async function listOwnedResponseItems(ownerId: string, today: string): Promise<ResponseItemRow[]> {
  const rows = await listResponseItems({ owner: ownerId });
  return rows.sort((a, b) => compareForOwner(a, b, today));
}

/** One response item (archived ones too: their page offers a restore) with its passage and nodes, or null. */
export async function getResponseItem(id: string): Promise<ResponseItemDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select({
      ...rowColumns,
      description: responseItems.description,
      passage: responseItems.passage,
      passageRevisionNumber: briefRevisions.number,
      passageOrphaned: responseItems.passageOrphaned,
      createdAt: responseItems.createdAt,
      updatedAt: responseItems.updatedAt,
      archivedAt: responseItems.archivedAt,
    })
    .from(responseItems)
    .leftJoin(users, activeOwner)
    .leftJoin(briefRevisions, eq(briefRevisions.id, responseItems.passageRevisionId))
    .where(eq(responseItems.id, id))
    .limit(1);
  if (!row) return null;
  const nodes = await nodesForResponseItems([id]);
  return { ...row, nodes: nodes.get(id) ?? [] };
}

export type ProgressUpdateView = {
  id: string;
  body: string;
  statusBefore: ItemStatus;
  statusAfter: ItemStatus;
  createdAt: Date;
  authorName: string;
  acknowledgedPolicies: string[];
};

/** An item's progress updates, newest first, with the policies each one acknowledged. */
export async function listProgressUpdates(itemId: string): Promise<ProgressUpdateView[]> {
  const rows = await db()
    .select({
      id: progressUpdates.id,
      body: progressUpdates.body,
      statusBefore: progressUpdates.statusBefore,
      statusAfter: progressUpdates.statusAfter,
      createdAt: progressUpdates.createdAt,
      authorName: users.displayName,
      acknowledgedPolicies: sql<string[]>`coalesce((select array_agg(${policies.titleKo} order by ${policies.titleKo}) from ${impacts} join ${policies} on ${policies.id} = ${impacts.policyId} where ${impacts.acknowledgedByUpdateId} = ${progressUpdates.id}), '{}')`,
    })
    .from(progressUpdates)
    .innerJoin(users, eq(users.id, progressUpdates.authorId))
    .where(eq(progressUpdates.responseItemId, itemId))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id));
  return rows;
}

export type ImpactAwaitingReview = {
  id: string;
  createdAt: Date;
  policyId: string;
  policyTitleKo: string;
  itemId: string;
  itemNumber: number;
  itemTitle: string;
};

/** The newest `limit` impacts on items `ownerId` owns that the owner has not acknowledged yet, and how many there are in all. One query. */
export async function listImpactsAwaitingReview(ownerId: string, limit: number): Promise<{ rows: ImpactAwaitingReview[]; total: number }> {
  const rows = await db()
    .select({
      total: sql<number>`count(*) over ()`.mapWith(Number),
      id: impacts.id,
      createdAt: impacts.createdAt,
      policyId: policies.id,
      policyTitleKo: policies.titleKo,
      itemId: responseItems.id,
      itemNumber: responseItems.number,
      itemTitle: responseItems.title,
    })
    .from(impacts)
    .innerJoin(responseItems, eq(responseItems.id, impacts.responseItemId))
    .innerJoin(policies, eq(policies.id, impacts.policyId))
    .where(
      and(
        eq(responseItems.ownerId, ownerId),
        live,
        isNull(policies.deletedAt),
        isNull(impacts.acknowledgedAt),
        isNull(impacts.removedAt),
      ),
    )
    .orderBy(desc(impacts.createdAt), desc(impacts.id))
    .limit(limit);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export type OwnerOption = { id: string; displayName: string };

/** Who may own an item: active editors and admins, by name. */
export async function listOwnerCandidates(): Promise<OwnerOption[]> {
  return db()
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(isNull(users.deactivatedAt), inArray(users.role, ["admin", "editor"])))
    .orderBy(asc(users.displayName));
}
