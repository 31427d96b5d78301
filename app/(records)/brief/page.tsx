import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RichText } from "@/components/rich-text/rich-text";
import { Presence } from "@/components/presence/presence";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { getCurrentBrief } from "@/lib/brief/queries";
import { formatDate, formatDateTime, isoDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("brief.title") };
}

export default async function BriefPage() {
  await requireActor("/brief");
  const [t, locale, brief] = await Promise.all([getT(), getLocale(), getCurrentBrief()]);
  if (!brief) notFound();
  const revision = brief.revision;

  return (
    <article className="space-y-6">
      <Presence topic={`brief:${brief.id}`} />
      <PageHeader
        title={<span lang={brief.language}>{brief.title}</span>}
        note={
          <>
            {locale !== brief.language ? <span className="block">{t("brief.originalLanguage")}</span> : null}
            <span className="block">{t("brief.annotationsLater")}</span>
          </>
        }
      />
      <dl className="grid gap-x-8 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">{t("brief.publisher")}</dt>
          <dd lang={brief.publisher ? brief.language : undefined}>{brief.publisher ?? t("brief.unknown")}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("brief.publishedOn")}</dt>
          <dd>
            {brief.publishedOn ? <time dateTime={brief.publishedOn}>{formatDate(brief.publishedOn, locale)}</time> : t("brief.unknown")}
          </dd>
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
              </>
            ) : (
              t("brief.unknown")
            )}
          </dd>
        </div>
      </dl>
      <section aria-label={t("brief.body")} className="rounded-lg border border-slate-200 bg-white px-5 py-6 sm:px-8">
        {revision ? (
          <RichText doc={revision.doc} lang={brief.language} unavailableLabel={t("editor.unavailable")} />
        ) : (
          <p className="text-slate-500">{t("brief.noRevision")}</p>
        )}
      </section>
    </article>
  );
}
