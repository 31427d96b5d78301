import { EntryActionButton } from "@/components/intake/entry-triage";
import { formatDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import { sourceChangedAt, sourceRecord } from "@/lib/intake/queries";
import { describeSourceError } from "@/lib/intake/source-errors";
import { wordDiff } from "@/lib/intake/word-diff";
import type { Locale } from "@/lib/vocab";

type ReviewAction = (state: never, form: FormData) => Promise<import("@/lib/actions/result").ActionResult<object>>;

/**
 * What the app kept of a policy's source page: the last check, the stored text (readable when the
 * link dies), and — when a re-check found the text changed — the change as a word diff, rendered
 * as text (never as markup from the page).
 */
export async function SourceRecord({ policyId, t, locale, review }: { policyId: string; t: Translate; locale: Locale; review: ReviewAction | null }) {
  const [record, changedAt] = await Promise.all([sourceRecord(policyId), sourceChangedAt(policyId)]);
  if (!record.lastCheck) return null;
  const dead = record.lastCheck.error || (record.lastCheck.httpStatus ?? 200) >= 400;
  const diff = changedAt && record.latest && record.previous ? wordDiff(record.previous.text ?? "", record.latest.text ?? "") : null;
  return (
    <section aria-labelledby="source-record" className="space-y-2">
      <h2 id="source-record" className="text-lg font-semibold">{t("intake.snapshotTitle")}</h2>
      <p className="text-sm text-slate-700">
        {t("intake.snapshotFetched", { at: formatDateTime(record.lastCheck.fetchedAt, locale) })}
        {record.lastCheck.httpStatus ? ` · ${t("intake.snapshotStatus", { status: record.lastCheck.httpStatus })}` : ""}
      </p>
      {dead ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("intake.snapshotDead", {
            status: record.lastCheck.httpStatus ?? describeSourceError(t, record.lastCheck.error ?? "connection", null),
          })}
        </p>
      ) : null}
      {changedAt ? (
        <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">{t("intake.sourceChanged", { at: formatDateTime(changedAt, locale) })}</p>
          {diff ? (
            <details open>
              <summary className="cursor-pointer">{t("intake.sourceChangedDiff")}</summary>
              <p lang="zh-CN" className="mt-2 max-h-80 overflow-y-auto whitespace-pre-wrap rounded border border-amber-200 bg-white p-2 text-slate-800" data-testid="source-diff">
                {diff.map((part, i) =>
                  part.kind === "added" ? (
                    <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">{part.text}</ins>
                  ) : part.kind === "removed" ? (
                    <del key={i} className="bg-red-100 text-red-900">{part.text}</del>
                  ) : (
                    <span key={i}>{part.text.length > 400 ? `${part.text.slice(0, 180)} … ${part.text.slice(-180)}` : part.text}</span>
                  ),
                )}
              </p>
            </details>
          ) : null}
          {review ? <EntryActionButton action={review} fields={{ id: policyId }} label={t("intake.markReviewed")} /> : null}
        </div>
      ) : null}
      {record.latest ? (
        <details>
          <summary className="cursor-pointer text-sm">{t("intake.snapshotText")}</summary>
          <p lang="zh-CN" className="mt-2 max-h-96 overflow-y-auto whitespace-pre-wrap rounded border border-slate-200 bg-white p-3 text-sm text-slate-800">
            {record.latest.text}
          </p>
        </details>
      ) : (
        <p className="text-sm text-slate-700">{t("intake.snapshotNone")}</p>
      )}
    </section>
  );
}
