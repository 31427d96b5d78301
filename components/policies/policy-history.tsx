import { activityActionLabel } from "@/lib/activity/labels";
import { formatDateTime, isoDateTime } from "@/lib/format";
import type { MessageKey, Translate } from "@/lib/i18n/catalog";
import { allCatalogs } from "@/lib/i18n/catalog";
import type { HistoryEntry } from "@/lib/activity/queries";
import type { Locale } from "@/lib/vocab";

const fieldKeys = allCatalogs().ko.policies as Record<string, string>;
const vocabOf: Record<string, string> = { instrumentType: "instrument", status: "policyStatus", significance: "priority", relation: "relation" };

function fieldLabel(t: Translate, field: string): string {
  return `field.${field}` in fieldKeys ? t(`policies.field.${field}` as MessageKey) : field;
}

function valueText(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "✓" : "—";
  if (vocabOf[field] && typeof value === "string") return t(`vocab.${vocabOf[field]}.${value}` as MessageKey);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Every change to the policy: who, when, and each changed field from → to. */
export function PolicyHistory({ entries, t, locale }: { entries: HistoryEntry[]; t: Translate; locale: Locale }) {
  if (!entries.length) return <p className="text-sm text-slate-500">{t("policies.historyEmpty")}</p>;
  return (
    <ol className="space-y-3">
      {entries.map((entry) => {
        const fields = entry.action === "policy.created" ? [] : Object.keys(entry.after ?? entry.before ?? {});
        return (
          <li key={entry.id} className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
            <p>
              <span className="font-medium">{entry.actorName ?? t("activity.system")}</span>{" "}
              <span className="text-slate-700">{activityActionLabel(t, entry.action)}</span>{" "}
              <time dateTime={isoDateTime(entry.at)} className="text-slate-500">{formatDateTime(entry.at, locale)}</time>
            </p>
            {fields.length ? (
              <table className="mt-2 w-full border-collapse text-left text-xs">
                <caption className="sr-only">{t("policies.historyCaption")}</caption>
                <thead>
                  <tr className="text-slate-500">
                    <th scope="col" className="py-1 pr-2 font-medium">{t("policies.historyField")}</th>
                    <th scope="col" className="py-1 pr-2 font-medium">{t("policies.historyBefore")}</th>
                    <th scope="col" className="py-1 font-medium">{t("policies.historyAfter")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 align-top">
                  {fields.map((field) => (
                    <tr key={field}>
                      <th scope="row" className="py-1 pr-2 font-normal whitespace-nowrap text-slate-600">{fieldLabel(t, field)}</th>
                      <td className="py-1 pr-2 break-words text-red-800"><del>{valueText(t, field, entry.before?.[field])}</del></td>
                      <td className="py-1 break-words text-emerald-800"><ins className="no-underline">{valueText(t, field, entry.after?.[field])}</ins></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
