import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/form";
import { type AnnotationFilters, type AnnotationView, MARGIN_STEP, annotationFiltersQuery } from "@/lib/annotations/queries";
import { AnnotationThread, type ThreadContext, threadCard } from "./annotation-thread";
import { ThreadControlsProvider } from "./thread-controls";

// One collator for every request: `localeCompare` builds one per call (milliseconds per page).
const byName = new Intl.Collator();

/**
 * The margin: filters (in the URL), the threads in document order, then the orphans. It lists the
 * first `filters.threads` threads (and the open one wherever it is), the rest one "show more"
 * away: every highlight stays in the text, and clicking one whose thread is not listed opens it.
 */
export function AnnotationMargin({
  all,
  shown,
  filters,
  basePath,
  ctx,
}: {
  /** Every visible annotation on the revision (for the filter choices). */
  all: AnnotationView[];
  /** Those passing the filters (plus a permalinked one). */
  shown: AnnotationView[];
  filters: AnnotationFilters;
  basePath: string;
  ctx: ThreadContext;
}) {
  const { t } = ctx;
  const tags = [...new Set(all.flatMap((a) => a.tags))].sort();
  const authors = [...new Map(all.map((a) => [a.authorId, a.authorName])).entries()].sort((a, b) => byName.compare(a[1], b[1]));
  const allPlaced = shown.filter((a) => !a.orphaned);
  const placed = allPlaced.filter((a, i) => i < filters.threads || a.id === ctx.activeId);
  const orphaned = shown.filter((a) => a.orphaned);
  const resolvedCount = all.filter((a) => a.status === "resolved").length;
  const filtered = filters.tag !== null || filters.authorId !== null || filters.status !== "open";

  const body = (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">{t("annotations.margin")}</h2>
        <span className="text-xs text-slate-500">{t("annotations.marginCount", { count: shown.length })}</span>
      </div>
      <form method="get" action={basePath} aria-label={t("annotations.filters")} className="grid grid-cols-3 items-end gap-2 text-xs">
        <label className="space-y-1">
          <span className="block text-slate-600">{t("annotations.filterTag")}</span>
          <select name="tag" defaultValue={filters.tag ?? ""} className={`${inputClass} px-1 py-1 text-xs`}>
            <option value="">{t("annotations.anyTag")}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>#{tag}</option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-slate-600">{t("annotations.filterAuthor")}</span>
          <select name="author" defaultValue={filters.authorId ?? ""} className={`${inputClass} px-1 py-1 text-xs`}>
            <option value="">{t("annotations.anyAuthor")}</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>{name}</option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-slate-600">{t("annotations.filterStatus")}</span>
          <select name="status" defaultValue={filters.status} className={`${inputClass} px-1 py-1 text-xs`}>
            <option value="open">{t("annotations.statusOpen")}</option>
            <option value="resolved">{t("annotations.statusResolved")}</option>
            <option value="all">{t("annotations.statusAll")}</option>
          </select>
        </label>
        <div className="col-span-3 flex items-center gap-3">
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium">
            {t("annotations.applyFilters")}
          </button>
          {filtered ? <Link href={basePath}>{t("annotations.clearFilters")}</Link> : null}
          {filters.status === "open" && resolvedCount > 0 ? (
            <Link href={`${basePath}${annotationFiltersQuery(filters, { status: "all" })}`}>
              {t("annotations.showResolved", { count: resolvedCount })}
            </Link>
          ) : null}
        </div>
      </form>
      {placed.length === 0 ? (
        <EmptyState title={t(all.length === 0 ? "annotations.empty" : "annotations.emptyFiltered")} hint={ctx.canEdit ? t("annotations.emptyHint") : t("annotations.viewerHint")} />
      ) : (
        <ol className="space-y-2">
          {placed.map((a) => (
            <li key={ctx.keyOf.get(a.id)} data-live-key={`annotation:${a.id}`}>{a.id === ctx.activeId ? <AnnotationThread annotation={a} ctx={ctx} /> : threadCard(a, ctx)}</li>
          ))}
        </ol>
      )}
      {allPlaced.length > filters.threads ? (
        <p className="text-sm">
          <Link href={`${basePath}${annotationFiltersQuery(filters, { threads: filters.threads + MARGIN_STEP })}`} scroll={false}>
            {t("annotations.showMoreThreads", { count: Math.min(MARGIN_STEP, allPlaced.length - filters.threads), total: allPlaced.length })}
          </Link>
        </p>
      ) : null}
      {orphaned.length ? (
        <section className="space-y-2">
          <h2 className="text-sm font-semibold">{t("annotations.orphaned")}</h2>
          <p className="text-xs text-slate-500">{t("annotations.orphanedHint")}</p>
          <ol className="space-y-2">
            {orphaned.map((a) => (
              <li key={a.id} data-live-key={`annotation:${a.id}`}>
                <AnnotationThread annotation={a} ctx={ctx} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
  return ctx.canEdit && ctx.actions ? (
    <ThreadControlsProvider actions={ctx.actions} labels={ctx.controlLabels} editorLabels={ctx.editorLabels} mentionables={ctx.mentionables} linkOptions={ctx.linkOptions}>
      {body}
    </ThreadControlsProvider>
  ) : (
    body
  );
}
