import { LiveTopic } from "@/components/live/live-topic";
import { activityActionLabel } from "@/lib/activity/labels";
import { listEntityHistory } from "@/lib/activity/queries";
import { formatDateTime, isoDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";

/** A field's value as one short line (objects such as rich text become their JSON, shortened). */
function show(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === "") return empty;
  const text = typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * The history of one entity from the activity table: who, when, what, and before → after of each
 * changed field. Read-only (activity is append-only); refreshes live.
 */
export async function EntityHistory({ entityType, entityId }: { entityType: string; entityId: string }) {
  const [t, locale, entries] = await Promise.all([getT(), getLocale(), listEntityHistory(entityType, entityId)]);
  const headingId = `history-${entityId}`;
  const empty = t("comments.historyEmptyValue");
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <LiveTopic entityType={entityType} entityId={entityId} />
      <h2 id={headingId} className="text-lg font-semibold">
        {t("comments.history")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">{t("comments.historyEmpty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {entries.map((entry) => {
            const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
            return (
              <li key={entry.id} className="space-y-1 px-4 py-2.5">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium text-slate-900">{entry.actorName ?? t("activity.system")}</span>
                  <span className="text-slate-700">{activityActionLabel(t, entry.action)}</span>
                  <time dateTime={isoDateTime(entry.at)} className="ml-auto text-xs text-slate-500 tabular-nums">
                    {formatDateTime(entry.at, locale)}
                  </time>
                </p>
                {fields.length > 0 ? (
                  <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs text-slate-600">
                    {fields.map((field) => (
                      <div key={field} className="contents">
                        <dt className="font-mono text-slate-500">{field}</dt>
                        <dd className="break-words">
                          {entry.before && field in entry.before ? (
                            <>
                              <del className="text-slate-500">{show(entry.before[field], empty)}</del> →{" "}
                            </>
                          ) : null}
                          <ins className="no-underline">{show(entry.after?.[field], empty)}</ins>
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
