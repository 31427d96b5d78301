import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ItemStatusBadge, NeedsReviewBadge, OverdueBadge } from "@/components/response-items/item-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { requireActor } from "@/lib/auth/session";
import { activityActionLabel } from "@/lib/activity/labels";
import { listRecentActivity } from "@/lib/activity/queries";
import { getBriefSummary } from "@/lib/brief/queries";
import { activityHref } from "@/lib/entity-href";
import { LiveTopic } from "@/components/live/live-topic";
import { formatDate, formatDateTime, isoDateTime, todayIn } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listOpenAnnotationsMentioning, listPoliciesLoggedSince } from "@/lib/dashboard/queries";
import { listImpactsAwaitingReview, listOwnedResponseItems } from "@/lib/response-items/queries";
import { isOverdue } from "@/lib/response-items/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("dashboard.title") };
}

/** How many rows each dashboard list shows; the rest is one link away. */
const PANEL_ROWS = 8;

/** "All N" under a capped list, when it holds more than it shows. */
function MoreLink({ href, shown, total, label }: { href: string; shown: number; total: number; label: string }) {
  if (total <= shown) return null;
  return (
    <p className="pt-2 text-sm">
      <Link href={href}>{label}</Link>
    </p>
  );
}

function Panel({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white">
      <div className="flex items-baseline justify-between gap-3 border-b border-slate-200 px-4 py-2.5">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {action ? <div className="text-sm">{action}</div> : null}
      </div>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}

export default async function DashboardPage() {
  const actor = await requireActor("/");
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const today = todayIn();
  // One query per panel (the items list adds one for their framework nodes); nothing per row.
  const [ownedItems, toReview, recentPolicies, mentions, brief, recentActivity] = await Promise.all([
    listOwnedResponseItems(actor.id, today),
    listImpactsAwaitingReview(actor.id, PANEL_ROWS),
    listPoliciesLoggedSince(new Date()),
    listOpenAnnotationsMentioning(actor.id),
    getBriefSummary(),
    listRecentActivity(actor.id, { limit: 10 }),
  ]);
  // Open items only (done and dropped are finished work), overdue first as the query sorts them.
  const openItems = ownedItems.filter((item) => item.status !== "done" && item.status !== "dropped");
  const myItems = openItems.slice(0, PANEL_ROWS);

  return (
    <div className="space-y-6">
      {/* Recent activity and the team's items: any change refreshes the dashboard live. */}
      <LiveTopic entityType="*" />
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("dashboard.title")}</h1>
        <p className="text-slate-600">{t("dashboard.greeting", { name: actor.displayName })}</p>
      </header>

      <div className="grid gap-5 lg:grid-cols-2">
        <Panel id="my-items" title={t("dashboard.myItems")} action={<Link href="/response-items">{t("dashboard.allItems")}</Link>}>
          {openItems.length === 0 ? (
            <p className="py-2 text-sm text-slate-500">{t("dashboard.myItemsEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {myItems.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                  <span className="text-slate-500 tabular-nums">{t("items.itemNumber", { number: item.number })}</span>
                  <Link href={`/response-items/${item.id}`} className="min-w-0 flex-1">
                    {item.title}
                  </Link>
                  <ItemStatusBadge status={item.status} label={t(`vocab.itemStatus.${item.status}`)} />
                  {item.dueOn ? (
                    <time dateTime={item.dueOn} className="text-slate-600 tabular-nums">
                      {formatDate(item.dueOn, locale)}
                    </time>
                  ) : null}
                  {isOverdue(item, today) ? <OverdueBadge label={t("items.overdue")} /> : null}
                  {item.openImpacts > 0 ? <NeedsReviewBadge label={t("items.needsReviewCount", { count: item.openImpacts })} /> : null}
                </li>
              ))}
            </ul>
          )}
          <MoreLink href="/response-items?mine=1&sort=due" shown={myItems.length} total={openItems.length} label={t("dashboard.allMyItems", { count: openItems.length })} />
        </Panel>

        <Panel id="needs-review" title={t("dashboard.needsReview")}>
          {toReview.total === 0 ? (
            <div className="py-2 text-sm">
              <p className="text-slate-500">{t("dashboard.needsReviewEmpty")}</p>
              <p className="mt-1 text-slate-500">{t("dashboard.needsReviewHint")}</p>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100">
              {toReview.rows.map((impact) => (
                <li key={impact.id} className="py-2 text-sm">
                  <Link href={`/response-items/${impact.itemId}`}>
                    {t("dashboard.affects", { policy: impact.policyTitleKo, number: impact.itemNumber, item: impact.itemTitle })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <MoreLink href="/response-items?mine=1&review=1" shown={toReview.rows.length} total={toReview.total} label={t("dashboard.allToReview", { count: toReview.total })} />
        </Panel>

        <Panel id="recent-policies" title={t("dashboard.recentPolicies")} action={<Link href="/policies">{t("dashboard.allPolicies")}</Link>}>
          {recentPolicies.length === 0 ? (
            <p className="py-2 text-sm text-slate-500">{t("dashboard.recentPoliciesEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {recentPolicies.map((policy) => (
                <li key={policy.id} className="flex flex-wrap items-baseline gap-x-3 py-2 text-sm">
                  <Link href={`/policies/${policy.id}`} lang="ko" className="min-w-0 flex-1">
                    {policy.titleKo}
                  </Link>
                  {policy.createdByName ? <span className="text-slate-500">{t("dashboard.loggedBy", { name: policy.createdByName })}</span> : null}
                  <time dateTime={isoDateTime(policy.createdAt)} className="text-slate-600 tabular-nums">
                    {formatDate(policy.createdAt, locale)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel id="mentions" title={t("dashboard.mentions")}>
          {mentions.length === 0 ? (
            <div className="py-2 text-sm">
              <p className="text-slate-500">{t("dashboard.mentionsEmpty")}</p>
              <p className="mt-1 text-slate-500">{t("dashboard.mentionsHint")}</p>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100">
              {mentions.map((annotation) => (
                <li key={annotation.id} className="space-y-0.5 py-2 text-sm">
                  <Link href={`/brief?annotation=${annotation.id}`} lang="ko" className="line-clamp-2">
                    “{annotation.quote}”
                  </Link>
                  <p className="flex flex-wrap gap-x-3 text-slate-600">
                    <span className="min-w-0 flex-1 truncate" lang="ko">
                      {annotation.authorName}: {annotation.bodyText}
                    </span>
                    <time dateTime={isoDateTime(annotation.createdAt)} className="text-xs text-slate-500 tabular-nums">
                      {formatDateTime(annotation.createdAt, locale)}
                    </time>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel id="brief" title={t("dashboard.brief")}>
          {brief ? (
            <div className="space-y-2 py-1 text-sm">
              <p lang="ko" className="font-medium text-slate-900">
                {brief.title}
              </p>
              {brief.revisionNumber !== null ? (
                <p className="text-slate-600">{t("dashboard.briefRevision", { number: brief.revisionNumber })}</p>
              ) : null}
              <p>
                <Link href="/brief">{t("dashboard.openBrief")}</Link>
              </p>
            </div>
          ) : (
            <EmptyState title={t("dashboard.noBrief")} />
          )}
        </Panel>

        <Panel id="recent-activity" title={t("dashboard.recentActivity")} action={<Link href="/activity">{t("dashboard.allActivity")}</Link>}>
          {recentActivity.length === 0 ? (
            <p className="py-2 text-sm text-slate-500">{t("dashboard.recentActivityEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {recentActivity.map((entry) => {
                const href = activityHref(entry);
                const label = activityActionLabel(t, entry.action);
                return (
                  <li key={entry.id} className="flex flex-wrap items-baseline gap-x-3 py-2 text-sm">
                    <span className="font-medium text-slate-800">{entry.actorName ?? t("activity.system")}</span>
                    <span className="min-w-0 flex-1 text-slate-700">{href ? <Link href={href}>{label}</Link> : label}</span>
                    <time dateTime={isoDateTime(entry.at)} className="text-xs text-slate-500 tabular-nums">
                      {formatDateTime(entry.at, locale)}
                    </time>
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}
