import { createHash } from "node:crypto";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { activity, comments, policies, sourceSnapshots } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { publish } from "../live/publish";
import { notify } from "../notifications/notify";
import { extractPolicyPage } from "./policy-page";
import { FetchError, type SafeFetchOptions, safeFetch } from "./safe-fetch";

export type SnapshotResult = { outcome: "skipped" | "first" | "unchanged" | "changed" | "failed"; status: number | null };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Re-reads a policy's source page and keeps its main text (never its markup). The first text is
 * stored; later, a new snapshot only when the text or the answer changed. A changed text marks the
 * policy "source changed" and tells the people who logged, edited or discussed it; a dead link is
 * recorded as such and the last text stays readable.
 */
export async function snapshotPolicySource(policyId: string, options: { now?: Date; fetch?: SafeFetchOptions } = {}): Promise<SnapshotResult> {
  const now = options.now ?? new Date();
  const [policy] = await db()
    .select({ id: policies.id, sourceUrl: policies.sourceUrl, createdById: policies.createdById })
    .from(policies)
    .where(and(eq(policies.id, policyId), isNull(policies.deletedAt)));
  if (!policy?.sourceUrl) return { outcome: "skipped", status: null };
  const url = policy.sourceUrl;

  let status: number | null = null;
  let text: string | null = null;
  let error: string | null = null;
  try {
    const page = await safeFetch(url, { ...options.fetch, accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5" });
    if (page.notModified) throw new Error("unexpected 304 without validators");
    status = page.status;
    text = extractPolicyPage(page.text, page.url).mainText;
  } catch (caught) {
    if (!(caught instanceof FetchError)) throw caught;
    status = caught.status ?? null;
    error = caught.code;
  }

  return db().transaction(async (tx) => {
    const [last] = await tx
      .select()
      .from(sourceSnapshots)
      .where(eq(sourceSnapshots.policyId, policyId))
      .orderBy(desc(sourceSnapshots.fetchedAt))
      .limit(1);
    const [lastText] = await tx
      .select({ hash: sourceSnapshots.hash })
      .from(sourceSnapshots)
      .where(and(eq(sourceSnapshots.policyId, policyId), isNotNull(sourceSnapshots.text)))
      .orderBy(desc(sourceSnapshots.fetchedAt))
      .limit(1);
    const hash = text === null ? null : sha256(text);
    await tx.update(policies).set({ lastCheckedOn: now.toISOString().slice(0, 10) }).where(eq(policies.id, policyId));

    const sameAnswer = last && last.httpStatus === status && last.error === error && (hash === null || last.hash === hash);
    if (sameAnswer) return { outcome: error ? ("failed" as const) : ("unchanged" as const), status };
    await tx.insert(sourceSnapshots).values({ policyId, url, fetchedAt: now, httpStatus: status, error, text, hash });
    if (error) {
      await publish(tx, { entityType: "policy", entityId: policyId, kind: "source_checked" });
      return { outcome: "failed" as const, status };
    }
    if (!lastText || lastText.hash === hash) {
      await publish(tx, { entityType: "policy", entityId: policyId, kind: "source_checked" });
      return { outcome: lastText ? ("unchanged" as const) : ("first" as const), status };
    }

    await tx.update(policies).set({ sourceChangedAt: now }).where(eq(policies.id, policyId));
    await recordActivity(tx, { actorId: null, action: "policy.source_changed", entityType: "policy", entityId: policyId, after: { url } });
    const editors = await tx
      .selectDistinct({ id: activity.actorId })
      .from(activity)
      .where(and(eq(activity.entityType, "policy"), eq(activity.entityId, policyId), isNotNull(activity.actorId)));
    const commenters = await tx
      .selectDistinct({ id: comments.authorId })
      .from(comments)
      .where(and(eq(comments.targetType, "policy"), eq(comments.targetId, policyId), isNull(comments.deletedAt)));
    await notify(tx, {
      kind: "source_changed",
      userIds: [policy.createdById, ...editors.map((e) => e.id), ...commenters.map((c) => c.id)],
      actorId: null,
      entityType: "policy",
      entityId: policyId,
      eventKey: `source_changed:${policyId}:${hash}`,
    });
    return { outcome: "changed" as const, status };
  });
}
