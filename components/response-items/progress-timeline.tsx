import { ItemStatusBadge } from "@/components/response-items/item-badges";
import { formatDateTime, isoDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import type { ProgressUpdateView } from "@/lib/response-items/queries";
import type { Locale } from "@/lib/vocab";

/** Progress updates as a dated timeline, newest first. */
export function ProgressTimeline({ updates, t, locale }: { updates: ProgressUpdateView[]; t: Translate; locale: Locale }) {
  if (updates.length === 0) return <p className="text-sm text-slate-500">{t("items.progressEmpty")}</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {updates.map((u) => (
        <li key={u.id} className="relative">
          <span aria-hidden className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-slate-400" />
          <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <time dateTime={isoDateTime(u.createdAt)} className="tabular-nums">
              {formatDateTime(u.createdAt, locale)}
            </time>
            <span className="font-medium text-slate-700">{u.authorName}</span>
            {u.statusBefore !== u.statusAfter ? (
              <span className="inline-flex items-center gap-1">
                <ItemStatusBadge status={u.statusBefore} label={t(`vocab.itemStatus.${u.statusBefore}`)} />→
                <ItemStatusBadge status={u.statusAfter} label={t(`vocab.itemStatus.${u.statusAfter}`)} />
              </span>
            ) : null}
          </p>
          {u.body ? <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{u.body}</p> : null}
          {u.acknowledgedPolicies.length ? (
            <p className="mt-1 text-xs text-emerald-800">{t("items.acknowledgedIn", { policies: u.acknowledgedPolicies.join(", ") })}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
