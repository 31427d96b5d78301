import "server-only";
import { and, asc, desc, eq, isNull, notExists, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { frameworkNodes, impacts, policies, policyFrameworkNodes, responseItemFrameworkNodes, responseItems, users } from "../../db/schema";
import { isUuid } from "../uuid";
import type { ItemStatus } from "../vocab";

export type ImpactView = {
  id: string;
  note: string;
  createdAt: Date;
  createdByName: string;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  removedAt: Date | null;
  policyId: string;
  policyTitleKo: string;
  itemId: string;
  itemNumber: number;
  itemTitle: string;
  itemStatus: ItemStatus;
};

const acknowledger = sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${impacts.acknowledgedById})`;

const impactColumns = {
  id: impacts.id,
  note: impacts.note,
  createdAt: impacts.createdAt,
  createdByName: users.displayName,
  acknowledgedAt: impacts.acknowledgedAt,
  acknowledgedByName: acknowledger,
  removedAt: impacts.removedAt,
  policyId: policies.id,
  policyTitleKo: policies.titleKo,
  itemId: responseItems.id,
  itemNumber: responseItems.number,
  itemTitle: responseItems.title,
  itemStatus: responseItems.status,
};

function impactQuery() {
  return db()
    .select(impactColumns)
    .from(impacts)
    .innerJoin(policies, eq(policies.id, impacts.policyId))
    .innerJoin(responseItems, eq(responseItems.id, impacts.responseItemId))
    .innerJoin(users, eq(users.id, impacts.createdById));
}

/** Every impact on an item, live ones first, including removed ones (their history stays). */
export async function impactsForItem(itemId: string): Promise<ImpactView[]> {
  if (!isUuid(itemId)) return [];
  return impactQuery()
    .where(and(eq(impacts.responseItemId, itemId), isNull(policies.deletedAt)))
    .orderBy(sql`${impacts.removedAt} is not null`, desc(impacts.createdAt));
}

/** The live impacts of a policy on live items, by item number. */
export async function impactsForPolicy(policyId: string): Promise<ImpactView[]> {
  if (!isUuid(policyId)) return [];
  return impactQuery()
    .where(and(eq(impacts.policyId, policyId), isNull(impacts.removedAt), isNull(responseItems.archivedAt)))
    .orderBy(asc(responseItems.number));
}

export type ImpactProposal = { itemId: string; number: number; title: string; status: ItemStatus; sharedNodes: number; sharedLabels: string[] };

/**
 * The live response items that share framework nodes with the policy and are not linked to it
 * yet, most shared nodes first (then by number). One query.
 */
export async function proposeImpacts(policyId: string): Promise<ImpactProposal[]> {
  if (!isUuid(policyId)) return [];
  const rows = await db()
    .select({
      itemId: responseItems.id,
      number: responseItems.number,
      title: responseItems.title,
      status: responseItems.status,
      sharedNodes: sql<number>`count(*)::int`,
      sharedLabels: sql<string[]>`array_agg(${frameworkNodes.labelKo} order by ${frameworkNodes.position})`,
    })
    .from(policyFrameworkNodes)
    .innerJoin(responseItemFrameworkNodes, eq(responseItemFrameworkNodes.nodeId, policyFrameworkNodes.nodeId))
    .innerJoin(responseItems, eq(responseItems.id, responseItemFrameworkNodes.responseItemId))
    .innerJoin(frameworkNodes, eq(frameworkNodes.id, responseItemFrameworkNodes.nodeId))
    .where(
      and(
        eq(policyFrameworkNodes.policyId, policyId),
        isNull(responseItems.archivedAt),
        notExists(
          db()
            .select({ one: sql`1` })
            .from(impacts)
            .where(and(eq(impacts.policyId, policyId), eq(impacts.responseItemId, responseItems.id), isNull(impacts.removedAt))),
        ),
      ),
    )
    .groupBy(responseItems.id)
    .orderBy(desc(sql`count(*)`), asc(responseItems.number));
  return rows;
}

export type PolicyOption = { id: string; titleKo: string; announcedOn: string | null };

/** Live policies an item is not linked to yet, newest first: the choices of "link a policy". */
/** How many of the newest policies an item's "link a policy" offers (older ones: from the policy's page). */
export const LINKABLE_POLICIES = 100;

export async function linkablePolicies(itemId: string): Promise<PolicyOption[]> {
  if (!isUuid(itemId)) return [];
  return db()
    .select({ id: policies.id, titleKo: policies.titleKo, announcedOn: policies.announcedOn })
    .from(policies)
    .where(
      and(
        isNull(policies.deletedAt),
        notExists(
          db()
            .select({ one: sql`1` })
            .from(impacts)
            .where(and(eq(impacts.policyId, policies.id), eq(impacts.responseItemId, itemId), isNull(impacts.removedAt))),
        ),
      ),
    )
    .orderBy(sql`${policies.announcedOn} desc nulls last`, asc(policies.titleKo))
    .limit(LINKABLE_POLICIES);
}
