import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { entityTypeLabel } from "@/lib/activity/labels";
import { requireActor } from "@/lib/auth/session";
import { entityHref } from "@/lib/entity-href";
import { formatDateTime, isoDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listNotifications } from "@/lib/notifications/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("inbox.title") };
}

export default async function InboxPage() {
  const actor = await requireActor("/inbox");
  const [t, locale, notifications] = await Promise.all([getT(), getLocale(), listNotifications(actor.id)]);

  return (
    <div>
      <PageHeader title={t("inbox.title")} intro={t("inbox.intro")} note={t("inbox.laterNote")} />
      {notifications.length === 0 ? (
        <EmptyState title={t("inbox.empty")} hint={t("inbox.emptyHint")} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {notifications.map((n) => {
            const href = entityHref(n.entityType, n.entityId);
            return (
              <li key={n.id} className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 text-sm ${n.readAt ? "" : "bg-blue-50/40"}`}>
                {n.readAt ? null : <Badge tone="blue">{t("inbox.unread")}</Badge>}
                <span className="font-medium text-slate-900">{t(`vocab.notificationKind.${n.kind}`)}</span>
                {n.actorName ? <span className="text-slate-600">{t("inbox.from", { name: n.actorName })}</span> : null}
                <span className="text-slate-600">
                  {href ? <Link href={href}>{entityTypeLabel(t, n.entityType)}</Link> : entityTypeLabel(t, n.entityType)}
                </span>
                <time dateTime={isoDateTime(n.createdAt)} className="ml-auto text-xs text-slate-500 tabular-nums">
                  {formatDateTime(n.createdAt, locale)}
                </time>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
