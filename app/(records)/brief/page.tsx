import type { Metadata } from "next";
import { LiveTopic } from "@/components/live/live-topic";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BriefMeta } from "@/components/brief/brief-meta";
import { BriefReader } from "@/components/brief/brief-reader";
import { Presence } from "@/components/presence/presence";
import { PageHeader } from "@/components/ui/page-header";
import { annotationAtHref, listAnnotationsOnRevision, listLinkOptions, listMentionables, parseAnnotationFilters } from "@/lib/annotations/queries";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getCurrentBrief } from "@/lib/brief/queries";
import { getLocale, getT } from "@/lib/i18n/server";
import { listCitedPassages } from "@/lib/policies/queries";
import { CitedPassages } from "@/components/brief/cited-passages";
import { isUuid } from "@/lib/uuid";
import * as actions from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("brief.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BriefPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("/brief");
  const [t, locale, brief, params] = await Promise.all([getT(), getLocale(), getCurrentBrief(), searchParams]);
  if (!brief) notFound();
  const revision = brief.revision;
  const canAnnotate = can(actor.role, "annotations.edit");
  const activeId = isUuid(params.annotation) ? params.annotation : null;
  const [annotations, mentionables, linkOptions, citedPassages] = await Promise.all([
    revision ? listAnnotationsOnRevision(revision.id, actor.id, { bodies: { only: activeId } }) : [],
    canAnnotate ? listMentionables() : [],
    // Only the open thread offers "link to…": without one, the page carries no options.
    canAnnotate && activeId ? listLinkOptions() : { policies: [], items: [] },
    revision ? listCitedPassages(revision.id) : [],
  ]);
  const filters = parseAnnotationFilters(params);
  // A click on a highlight whose thread the margin does not list: open that thread.
  const atHref = annotationAtHref("/brief", params, annotations, filters);
  if (atHref) redirect(atHref);
  const cited = revision ? citedRange(params, revision.plainText.length) : null;
  const citedHere = cited ? citedPassages.find((p) => p.start === cited.start && p.end === cited.end) : undefined;

  return (
    <article className="space-y-6">
      <LiveTopic entityType="brief" />
      <LiveTopic entityType="annotation" />
      <Presence topic={`brief:${brief.id}`} />
      <PageHeader
        title={<span lang={brief.language}>{brief.title}</span>}
        note={locale !== brief.language ? t("brief.originalLanguage") : undefined}
        meta={
          <nav aria-label={t("brief.tools")} className="flex flex-wrap items-center gap-3 text-sm">
            {can(actor.role, "briefs.edit") && revision ? <Link href="/brief/edit">{t("revisions.editTitle")}</Link> : null}
            <Link href="/brief/revisions">{t("revisions.history")}</Link>
            <span className="text-slate-500">{t("annotations.export")}:</span>
            <a href={`/api/briefs/${brief.id}/export.md`}>{t("annotations.exportMarkdown")}</a>
            <a href={`/api/briefs/${brief.id}/annotations.json`}>{t("annotations.exportJson")}</a>
            {canAnnotate && revision ? <Link href="/brief/import">{t("annotations.importLink")}</Link> : null}
          </nav>
        }
      />
      <BriefMeta brief={brief} revision={revision} t={t} locale={locale} />
      {cited ? (
        <p role="status" data-testid="cited-passage-note" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm">
          <a href="#cited-passage">{t("brief.citedPassageShown")}</a>
          {citedHere ? <> · {t("brief.citedBy", { count: citedHere.policies.length })}</> : null}
        </p>
      ) : null}
      {revision ? (
        <BriefReader
          cited={cited}
          brief={brief}
          revision={revision}
          annotations={annotations}
          filters={filters}
          activeId={activeId}
          actor={actor}
          t={t}
          locale={locale}
          basePath="/brief"
          actions={
            canAnnotate
              ? {
                  create: actions.createAnnotationAction,
                  reattach: actions.reattachAnnotationAction,
                  resolve: actions.resolveAnnotationAction,
                  reopen: actions.reopenAnnotationAction,
                  edit: actions.editAnnotationAction,
                  remove: actions.deleteAnnotationAction,
                  link: actions.linkAnnotationAction,
                  createItem: actions.createItemFromAnnotationAction,
                }
              : null
          }
          mentionables={mentionables}
          linkOptions={linkOptions}
        />
      ) : (
        <p className="text-slate-500">{t("brief.noRevision")}</p>
      )}
      {citedPassages.length ? <CitedPassages passages={citedPassages} t={t} /> : null}
    </article>
  );
}

/** `?start=…&end=…` (a policy's "show in the brief"), when it is a range of the current text. */
function citedRange(params: Record<string, string | string[] | undefined>, length: number): { start: number; end: number } | null {
  const [start, end] = [params.start, params.end].map((v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : NaN));
  return Number.isInteger(start) && Number.isInteger(end) && start < end && end <= length ? { start, end } : null;
}
