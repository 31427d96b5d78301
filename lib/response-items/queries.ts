import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { type PassageSelector, type RichTextDoc, briefRevisions, impacts, policies, responseItems, users } from "../../db/schema";
import { type NodeChip, nodesForResponseItems } from "../framework/queries";
import { isUuid } from "../uuid";
import type { ItemStatus, Priority } from "../vocab";
import { compareForOwner } from "./rules";

export type ResponseItemRow = {
  id: string;
  number: number;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  status: ItemStatus;
  priority: Priority;
  dueOn: string | null;
};

export type ResponseItemDetail = ResponseItemRow & {
  description: RichTextDoc | null;
  passage: PassageSelector | null;
  passageRevisionNumber: number | null;
  nodes: NodeChip[];
  createdAt: Date;
  updatedAt: Date;
};

const rowColumns = {
  id: responseItems.id,
  number: responseItems.number,
  title: responseItems.title,
  ownerId: responseItems.ownerId,
  ownerName: users.displayName,
  status: responseItems.status,
  priority: responseItems.priority,
  dueOn: responseItems.dueOn,
};

const live = isNull(responseItems.archivedAt);

/** Live (not archived) response items, by number. */
export async function listResponseItems(): Promise<ResponseItemRow[]> {
  return db()
    .select(rowColumns)
    .from(responseItems)
    .leftJoin(users, eq(users.id, responseItems.ownerId))
    .where(live)
    .orderBy(asc(responseItems.number));
}

/** The live items `ownerId` owns: overdue first, then by due date, closed ones last. */
export async function listOwnedResponseItems(ownerId: string, today: string): Promise<ResponseItemRow[]> {
  const rows = await db()
    .select(rowColumns)
    .from(responseItems)
    .leftJoin(users, eq(users.id, responseItems.ownerId))
    .where(and(live, eq(responseItems.ownerId, ownerId)));
  return rows.sort((a, b) => compareForOwner(a, b, today));
}

/** One live response item with its passage and framework nodes, or null. */
export async function getResponseItem(id: string): Promise<ResponseItemDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select({
      ...rowColumns,
      description: responseItems.description,
      passage: responseItems.passage,
      passageRevisionNumber: briefRevisions.number,
      createdAt: responseItems.createdAt,
      updatedAt: responseItems.updatedAt,
    })
    .from(responseItems)
    .leftJoin(users, eq(users.id, responseItems.ownerId))
    .leftJoin(briefRevisions, eq(briefRevisions.id, responseItems.passageRevisionId))
    .where(and(eq(responseItems.id, id), live))
    .limit(1);
  if (!row) return null;
  const nodes = await nodesForResponseItems([id]);
  return { ...row, nodes: nodes.get(id) ?? [] };
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

/** Impacts on items `ownerId` owns that the owner has not acknowledged yet, newest first. */
export async function listImpactsAwaitingReview(ownerId: string): Promise<ImpactAwaitingReview[]> {
  return db()
    .select({
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
    .orderBy(desc(impacts.createdAt));
}
