import type { Metadata } from "next";
import Link from "next/link";
import { BulkDismissForm, EntryActionButton } from "@/components/intake/entry-triage";
import { LiveTopic } from "@/components/live/live-topic";
import { SaveSearchPanel } from "@/components/saved-searches/save-search-panel";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { entryFiltersQuery, parseEntryFilters } from "@/lib/intake/filters";
import { ENTRIES_PAGE_SIZE, hasSources, listEntries, listSources } from "@/lib/intake/queries";
import { type IntakeState, intakeStates } from "@/lib/vocab";
import { dismissEntriesAction, markDuplicateAction, reopenEntryAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("intake.title") };
}

const stateTone: Record<IntakeState, BadgeTone> = { new: "blue", logged: "green", dismissed: "neutral", duplicate: "amber" };
const BULK_FORM = "bulk-dismiss";

export default async function IntakePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/intake");
  const [t, locale, params] = await Promise.all([getT(), getLocale(), searchParams]);
  const filters = parseEntryFilters(params);
  const [{ rows, hasMore }, sources, anySource] = await Promise.all([listEntries(filters), listSources(), hasSources()]);
  const triage = can(actor.role, "intake.manage");
  const href = (change: Partial<{ state: string; source: string; q: string; page: number }>) =>
    `/intake${entryFiltersQuery(filters, {
      state: (change.state ?? filters.state) as typeof filters.state,
      sourceId: (change.source ?? filters.sourceId) || null,
      q: change.q ?? filters.q,
      page: change.page ?? 1,
    })}`;
  const first = (filters.page - 1) * ENTRIES_PAGE_SIZE;
  const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-600";
  const td = "px-3 py-3 align-top text-sm text-slate-800";
  const wide = "hidden md:table-cell";
  const selectable = triage && rows.some((r) => r.state === "new");

  return (
    <div className="space-y-6">
      <LiveTopic entityType="source" />
      <LiveTopic entityType="intake_entry" />
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("intake.title")}</h1>
          <p className="mt-1 text-slate-600">{t("intake.intro")}</p>
        </div>
        <Link href="/intake/sources" className="text-sm">{t("intake.sourcesLink")} →</Link>
      </header>

      {!anySource ? (
        <EmptyState title={t("intake.emptyNoSources")} hint={t("intake.emptyNoSourcesHint")}>
          {triage ? <Link href="/intake/sources/new">{t("intake.addFirstSource")}</Link> : null}
        </EmptyState>
      ) : (
        <>
          <form role="search" aria-label={t("intake.filters")} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3" action="/intake">
            <div className="space-y-1">
              <label htmlFor="intake-state" className="block text-xs font-medium text-slate-700">{t("intake.filterState")}</label>
              <select id="intake-state" name="state" defaultValue={filters.state} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
                {intakeStates.map((s) => <option key={s} value={s}>{t(`vocab.intakeState.${s}`)}</option>)}
                <option value="all">{t("intake.filterAll")}</option>
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="intake-source" className="block text-xs font-medium text-slate-700">{t("intake.filterSource")}</label>
              <select id="intake-source" name="source" defaultValue={filters.sourceId ?? ""} className="max-w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm">
                <option value="">{t("intake.filterAnySource")}</option>
                {sources.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </div>
            <div className="min-w-40 flex-1 space-y-1">
              <label htmlFor="intake-q" className="block text-xs font-medium text-slate-700">{t("intake.filterQuery")}</label>
              <input id="intake-q" name="q" type="search" defaultValue={filters.q} className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
            </div>
            <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">{t("intake.apply")}</button>
            <Link href="/intake" className="text-sm">{t("intake.clear")}</Link>
          </form>
          <SaveSearchPanel actor={actor} scope="intake" query={entryFiltersQuery(filters, { page: 1 })} t={t} />

          {selectable ? (
            <BulkDismissForm
              formId={BULK_FORM}
              action={dismissEntriesAction}
              labels={{ reason: t("intake.dismissReason"), submit: t("intake.dismissSelected"), done: t("intake.dismissed"), selectAll: t("intake.selectAll") }}
            />
          ) : null}

          {rows.length === 0 ? (
            <EmptyState title={filters.state === "new" && !filters.q && !filters.sourceId ? t("intake.emptyNew") : t("intake.emptyFiltered")} />
          ) : (
            <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
              <table className="min-w-full divide-y divide-slate-200">
                <caption className="sr-only">{t("intake.caption")}</caption>
                <thead className="bg-slate-50">
                  <tr>
                    {selectable ? <th scope="col" className={th}><span className="sr-only">{t("intake.select", { title: "" })}</span></th> : null}
                    <th scope="col" className={th}>{t("intake.colTitle")}</th>
                    <th scope="col" className={`${th} ${wide}`}>{t("intake.colSource")}</th>
                    <th scope="col" className={`${th} ${wide}`}>{t("intake.colFirstSeen")}</th>
                    <th scope="col" className={`${th} ${wide}`}>{t("intake.colState")}</th>
                    {triage ? <th scope="col" className={th}>{t("intake.colActions")}</th> : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((entry) => (
                    <tr key={entry.id} data-entry-id={entry.id} data-live-key={`intake_entry:${entry.id}`}>
                      {selectable ? (
                        <td className={td}>
                          {entry.state === "new" ? (
                            <input type="checkbox" name="ids" value={entry.id} form={BULK_FORM} aria-label={t("intake.select", { title: entry.title })} />
                          ) : null}
                        </td>
                      ) : null}
                      <td className={`${td} min-w-44 md:min-w-64`}>
                        <a href={entry.url} target="_blank" rel="noreferrer" lang="zh-CN" className="font-medium">{entry.title}</a>
                        {/* On a narrow screen the source, first-seen and state columns fold in here. */}
                        <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700 md:hidden">
                          <span>{entry.sourceName}</span>
                          <span>{formatDateTime(entry.firstSeenAt, locale)}</span>
                          <Badge tone={stateTone[entry.state]}>{t(`vocab.intakeState.${entry.state}`)}</Badge>
                        </span>
                        {entry.publishedAt ? <span className="block text-xs text-slate-600">{t("intake.colPublished")}: {formatDate(entry.publishedAt, locale)}</span> : null}
                        {entry.state === "new" && entry.suggestedId ? (
                          <span className="mt-1 block text-xs text-amber-900">
                            {t("intake.suggestion")} <Link href={`/policies/${entry.suggestedId}`} lang="ko">{entry.suggestedTitle}</Link>
                          </span>
                        ) : null}
                        {entry.policyId && entry.state !== "new" ? (
                          <span className="mt-1 block text-xs text-slate-700">
                            {entry.state === "logged" ? t("intake.loggedAs") : t("intake.duplicateOf")} <Link href={`/policies/${entry.policyId}`} lang="ko">{entry.policyTitle}</Link>
                          </span>
                        ) : null}
                        {entry.state === "dismissed" && entry.dismissReason ? (
                          <span className="mt-1 block text-xs text-slate-700">{t("intake.reasonLabel")} {entry.dismissReason}</span>
                        ) : null}
                      </td>
                      <td className={`${td} ${wide}`}>{entry.sourceName}</td>
                      <td className={`${td} ${wide} whitespace-nowrap`}>{formatDateTime(entry.firstSeenAt, locale)}</td>
                      <td className={`${td} ${wide}`}><Badge tone={stateTone[entry.state]}>{t(`vocab.intakeState.${entry.state}`)}</Badge></td>
                      {triage ? (
                        <td className={td}>
                          <div className="flex flex-wrap gap-2">
                            {entry.state === "new" ? (
                              <>
                                <Link href={`/policies/new?intake=${entry.id}`} className="rounded-md bg-blue-700 px-2.5 py-1 text-xs font-medium text-white no-underline hover:bg-blue-800">
                                  {t("intake.logAsPolicy")}
                                </Link>
                                {entry.suggestedId ? (
                                  <EntryActionButton action={markDuplicateAction} fields={{ id: entry.id, policyId: entry.suggestedId }} label={t("intake.markDuplicate")} />
                                ) : null}
                                <EntryActionButton action={dismissEntriesAction} fields={{ ids: entry.id }} label={t("intake.dismiss")} tone="danger" />
                              </>
                            ) : entry.state !== "logged" ? (
                              <EntryActionButton action={reopenEntryAction} fields={{ id: entry.id }} label={t("intake.reopen")} />
                            ) : null}
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label={t("intake.caption")} className="flex items-center justify-between text-sm">
            {filters.page > 1 ? <Link href={href({ page: filters.page - 1 })} rel="prev">{t("intake.newer")}</Link> : <span />}
            {rows.length ? <span className="text-slate-600 tabular-nums">{t("intake.pageRange", { from: first + 1, to: first + rows.length })}</span> : null}
            {hasMore ? <Link href={href({ page: filters.page + 1 })} rel="next">{t("intake.older")}</Link> : <span />}
          </nav>
        </>
      )}
    </div>
  );
}
