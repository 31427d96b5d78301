import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadButton, NotificationLink } from "@/components/inbox/inbox-controls";
import { LiveTopic } from "@/components/live/live-topic";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { entityTypeLabel } from "@/lib/activity/labels";
import { requireActor } from "@/lib/auth/session";
import { commentIdOfEventKey, entityHref } from "@/lib/entity-href";
import { formatDateTime, isoDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import { getLocale, getT } from "@/lib/i18n/server";
import { countUnread, INBOX_PAGE_SIZE, listNotifications, targetTitles, type NotificationRow } from "@/lib/notifications/queries";
import { savedSearchIdOfEventKey } from "@/lib/saved-searches/event-key";
import { savedSearchesByIds } from "@/lib/saved-searches/queries";
import { savedSearchHref } from "@/lib/saved-searches/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("inbox.title") };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

/**
 * What a notification links to and says. Most name a record (its Korean title, or its type); a
 * notice of failed sign-ins names no record but the account itself, and leads to the profile
 * where the password is changed.
 */
function describeTarget(n: NotificationRow, titles: Map<string, string>, searches: SavedSearches, t: Translate): { href: string | null; target: string; lang?: string } {
  if (n.kind === "sign_in_failures") return { href: "/profile", target: t("inbox.signInFailures") };
  if (n.kind === "saved_search_match") return describeSavedSearchMatch(n, titles, searches, t);
  return {
    href: entityHref(n.entityType, n.entityId, { commentId: commentIdOfEventKey(n.eventKey) }),
    target: titles.get(n.entityId) ?? entityTypeLabel(t, n.entityType),
    lang: "ko",
  };
}

type SavedSearches = Awaited<ReturnType<typeof savedSearchesByIds>>;

/**
 * A saved search alert names the policy and the search it now matches (or, for many policies at
 * once, leads to the search's list). A search the reader can no longer see is not named.
 */
function describeSavedSearchMatch(n: NotificationRow, titles: Map<string, string>, searches: SavedSearches, t: Translate) {
  const search = searches.get(savedSearchIdOfEventKey(n.eventKey) ?? "");
  if (n.entityType === "saved_search") {
    return search ? { href: savedSearchHref(search), target: t("inbox.savedSearchBatch", { name: search.name }) } : { href: null, target: t("inbox.savedSearchGone") };
  }
  const title = titles.get(n.entityId) ?? entityTypeLabel(t, n.entityType);
  return {
    href: entityHref(n.entityType, n.entityId),
    target: search ? t("inbox.savedSearchMatch", { title, name: search.name }) : title,
    lang: search ? undefined : "ko",
  };
}

export default async function InboxPage({ searchParams }: Props) {
  const actor = await requireActor("/inbox");
  const raw = (await searchParams).page;
  const pageNumber = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Math.max(1, Number(raw)) : 1;
  const [t, locale, notifications, unread] = await Promise.all([
    getT(),
    getLocale(),
    listNotifications(actor.id, { offset: (pageNumber - 1) * INBOX_PAGE_SIZE, limit: INBOX_PAGE_SIZE + 1 }),
    countUnread(actor.id),
  ]);
  const page = notifications.slice(0, INBOX_PAGE_SIZE);
  const [titles, searches] = await Promise.all([
    targetTitles(page),
    savedSearchesByIds(actor.id, page.map((n) => (n.kind === "saved_search_match" ? savedSearchIdOfEventKey(n.eventKey) : null)).filter((id): id is string => id !== null)),
  ]);
  const hasOlder = notifications.length > INBOX_PAGE_SIZE;

  return (
    <div className="space-y-8">
      <LiveTopic entityType="user" entityId={actor.id} />
      <PageHeader title={t("inbox.title")} intro={t("inbox.intro")} />
      <section aria-labelledby="inbox-list" className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="inbox-list" className="text-base font-semibold">
            {t("inbox.unreadSummary", { count: unread })}
          </h2>
          {unread > 0 ? <MarkReadButton label={t("inbox.markAllRead")} pendingLabel={t("inbox.marking")} /> : null}
        </div>
        {page.length === 0 ? (
          <EmptyState title={t("inbox.empty")} hint={t("inbox.emptyHint")} />
        ) : (
          <ul aria-label={t("inbox.caption")} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {page.map((n) => {
              const { href, target, lang } = describeTarget(n, titles, searches, t);
              return (
                <li
                  key={n.id}
                  data-testid="notification"
                  className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 text-sm ${n.readAt ? "" : "bg-blue-50/40"}`}
                >
                  {n.readAt ? null : <Badge tone="blue">{t("inbox.unread")}</Badge>}
                  <span className="font-medium text-slate-900">{t(`vocab.notificationKind.${n.kind}`)}</span>
                  <span className="text-slate-600">{n.actorName ? t("inbox.from", { name: n.actorName }) : t("inbox.system")}</span>
                  <span lang={lang} className="min-w-0 flex-1 text-slate-700">
                    {href ? (
                      <NotificationLink href={href} notificationId={n.id} unread={!n.readAt}>
                        {target}
                      </NotificationLink>
                    ) : (
                      target
                    )}
                  </span>
                  <time dateTime={isoDateTime(n.createdAt)} className="text-xs text-slate-500 tabular-nums">
                    {formatDateTime(n.createdAt, locale)}
                  </time>
                  {n.readAt ? null : (
                    <MarkReadButton notificationId={n.id} label={t("inbox.markRead")} srLabel={t("inbox.markReadOf")} pendingLabel={t("inbox.marking")} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <nav className="flex gap-4 text-sm" aria-label={t("inbox.caption")}>
          {pageNumber > 1 ? <Link href="/inbox">{t("inbox.newest")}</Link> : null}
          {hasOlder ? <Link href={`/inbox?page=${pageNumber + 1}`}>{t("inbox.older")}</Link> : null}
        </nav>
      </section>

      <section aria-labelledby="inbox-settings" className="max-w-xl space-y-3">
        <h2 id="inbox-settings" className="text-lg font-semibold">
          {t("inbox.settings")}
        </h2>
        <p className="text-sm text-slate-700">{t("inbox.settingsLegend")}</p>
        <Link href="/profile#notifications" className="text-sm">
          {t("inbox.settingsLink")}
        </Link>
      </section>
    </div>
  );
}
