import { and, desc, eq, gte, isNull, or, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { annotations, comments, policies, users } from "../../db/schema";

/** How far back "policies logged recently" looks on the dashboard. */
export const RECENT_POLICY_DAYS = 30;

export type LoggedPolicyRow = { id: string; titleKo: string; createdAt: Date; createdByName: string | null };

/** Policies logged (created) in the last 30 days, newest first: one query. */
export async function listPoliciesLoggedSince(now: Date, limit = 8): Promise<LoggedPolicyRow[]> {
  const since = new Date(now.getTime() - RECENT_POLICY_DAYS * 24 * 60 * 60 * 1000);
  return db()
    .select({ id: policies.id, titleKo: policies.titleKo, createdAt: policies.createdAt, createdByName: users.displayName })
    .from(policies)
    .leftJoin(users, eq(users.id, policies.createdById))
    .where(and(isNull(policies.deletedAt), gte(policies.createdAt, since)))
    .orderBy(desc(policies.createdAt), desc(policies.id))
    .limit(limit);
}

export type MentioningAnnotationRow = { id: string; quote: string; bodyText: string; authorName: string; createdAt: Date };

/**
 * Open (unresolved, not deleted) annotations that mention `userId`: either the annotation's own
 * note has a mention of them (`annotations.mentioned_user_ids`), or a live comment in its thread
 * does (`comments.mentioned_user_ids`).
 * Private notes of other people are never shown. One query.
 */
export async function listOpenAnnotationsMentioning(userId: string, limit = 8): Promise<MentioningAnnotationRow[]> {
  // Both through the GIN indexes on the mention arrays: the few rows that mention `userId`.
  const me = sql`array[${userId}::uuid]`;
  const inBody = sql`${annotations.mentionedUserIds} @> ${me}`;
  const inThread = sql`${annotations.id} in (select ${comments.targetId} from ${comments} where ${comments.mentionedUserIds} @> ${me} and ${comments.targetType} = 'annotation' and ${comments.deletedAt} is null)`;
  return db()
    .select({
      id: annotations.id,
      quote: sql<string>`${annotations.selector}->>'quote'`,
      bodyText: annotations.bodyText,
      authorName: users.displayName,
      createdAt: annotations.createdAt,
    })
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.authorId))
    .where(
      and(
        eq(annotations.status, "open"),
        isNull(annotations.deletedAt),
        or(eq(annotations.isPrivate, false), eq(annotations.authorId, userId)),
        or(inBody, inThread),
      ),
    )
    .orderBy(desc(annotations.createdAt), desc(annotations.id))
    .limit(limit);
}
