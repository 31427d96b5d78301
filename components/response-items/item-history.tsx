import { activityActionLabel } from "@/lib/activity/labels";
import { formatDateTime, isoDateTime } from "@/lib/format";
import type { MessageKey, Translate } from "@/lib/i18n/catalog";
import type { HistoryEntry } from "@/lib/activity/queries";
import type { Locale } from "@/lib/vocab";

const fieldLabel: Record<string, MessageKey> = {
  title: "items.itemTitle",
  description: "items.description",
  priority: "items.priority",
  dueOn: "items.dueOn",
  status: "items.status",
  nodeIds: "items.nodes",
  ownerId: "items.owner",
};

function show(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "status") return t(`vocab.itemStatus.${value as "done"}`);
  if (field === "priority") return t(`vocab.priority.${value as "high"}`);
  if (field === "title" || field === "dueOn") return String(value);
  return "…";
}

/** The item's changes from the activity log: who, what, when, and the fields' before → after. */
export function ItemHistory({ entries, t, locale, userNames }: { entries: HistoryEntry[]; t: Translate; locale: Locale; userNames: Map<string, string> }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">{t("items.historyEmpty")}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
      {entries.map((e) => {
        const fields = Object.keys(e.after ?? {}).filter((f) => f in fieldLabel && (e.before ?? {})[f] !== undefined);
        return (
          <li key={e.id} className="px-4 py-2">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{e.actorName ?? t("activity.system")}</span>
              <span>{activityActionLabel(t, e.action)}</span>
              <time dateTime={isoDateTime(e.at)} className="ml-auto text-xs text-slate-500 tabular-nums">
                {formatDateTime(e.at, locale)}
              </time>
            </p>
            {fields.length ? (
              <ul className="mt-0.5 text-xs text-slate-600">
                {fields.map((f) => {
                  const before = f === "ownerId" ? (userNames.get(String(e.before?.[f])) ?? "—") : show(f, e.before?.[f], t);
                  const after = f === "ownerId" ? (userNames.get(String(e.after?.[f])) ?? "—") : show(f, e.after?.[f], t);
                  return (
                    <li key={f}>
                      {t(fieldLabel[f])}: {before} → {after}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
