import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BriefMeta } from "@/components/brief/brief-meta";
import { BriefReader } from "@/components/brief/brief-reader";
import { FormAlert } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { annotationAtHref, listAnnotationsOnRevision, parseAnnotationFilters } from "@/lib/annotations/queries";
import { requireActor } from "@/lib/auth/session";
import { getCurrentBrief, getRevisionByNumber } from "@/lib/brief/queries";
import { getLocale, getT } from "@/lib/i18n/server";
import { isUuid } from "@/lib/uuid";

type Props = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("revisions.number", { number: (await params).number })} · ${t("brief.title")}` };
}

/** An earlier revision, read-only, with its annotations where they sat on it. */
export default async function RevisionPage({ params, searchParams }: Props) {
  const { number } = await params;
  const actor = await requireActor(`/brief/revisions/${number}`);
  const n = Number(number);
  const [t, locale, brief, query] = await Promise.all([getT(), getLocale(), getCurrentBrief(), searchParams]);
  if (!brief || !Number.isInteger(n) || n < 1) notFound();
  const revision = await getRevisionByNumber(brief.id, n);
  if (!revision) notFound();
  const activeId = isUuid(query.annotation) ? query.annotation : null;
  const annotations = await listAnnotationsOnRevision(revision.id, actor.id, { bodies: { only: activeId } });
  const basePath = `/brief/revisions/${n}`;
  const filters = parseAnnotationFilters(query);
  const atHref = annotationAtHref(basePath, query, annotations, filters);
  if (atHref) redirect(atHref);
  return (
    <article className="space-y-6">
      <PageHeader
        title={<span lang={brief.language}>{brief.title}</span>}
        meta={
          <span className="flex flex-wrap gap-3">
            <Link href="/brief">← {t("revisions.backToCurrent")}</Link>
            <Link href="/brief/revisions">{t("revisions.history")}</Link>
            {n > 1 ? <Link href={`${basePath}/compare`}>{t("revisions.compare")}</Link> : null}
          </span>
        }
      />
      <FormAlert tone="success">{t("revisions.readOnly")}</FormAlert>
      <BriefMeta brief={brief} revision={revision} t={t} locale={locale} />
      <BriefReader
        brief={brief}
        revision={revision}
        annotations={annotations}
        filters={filters}
        activeId={activeId}
        actor={actor}
        t={t}
        locale={locale}
        basePath={basePath}
        actions={null}
        mentionables={[]}
        linkOptions={{ policies: [], items: [] }}
      />
    </article>
  );
}
