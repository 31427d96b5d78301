import type { BriefRevisionView, BriefView } from "@/lib/brief/queries";
import { formatDate, formatDateTime, isoDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/vocab";

/** Publisher, publication date and the revision shown, above the brief's text. */
export function BriefMeta({ brief, revision, t, locale }: { brief: BriefView; revision: BriefRevisionView | null; t: Translate; locale: Locale }) {
  return (
    <dl className="grid gap-x-8 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm sm:grid-cols-3">
      <div>
        <dt className="text-slate-500">{t("brief.publisher")}</dt>
        <dd lang={brief.publisher ? brief.language : undefined}>{brief.publisher ?? t("brief.unknown")}</dd>
      </div>
      <div>
        <dt className="text-slate-500">{t("brief.publishedOn")}</dt>
        <dd>{brief.publishedOn ? <time dateTime={brief.publishedOn}>{formatDate(brief.publishedOn, locale)}</time> : t("brief.unknown")}</dd>
      </div>
      <div>
        <dt className="text-slate-500">{t("brief.revision")}</dt>
        <dd>
          {revision ? (
            <>
              {t("brief.revisionValue", { number: revision.number })}
              <span className="block text-xs text-slate-500">
                <time dateTime={isoDateTime(revision.createdAt)}>
                  {revision.authorName
                    ? t("brief.revisionMetaBy", { date: formatDateTime(revision.createdAt, locale), name: revision.authorName })
                    : t("brief.revisionMeta", { date: formatDateTime(revision.createdAt, locale) })}
                </time>
              </span>
              {revision.note ? <span className="block text-xs text-slate-600">{revision.note}</span> : null}
            </>
          ) : (
            t("brief.unknown")
          )}
        </dd>
      </div>
    </dl>
  );
}
