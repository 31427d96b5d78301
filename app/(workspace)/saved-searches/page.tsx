import type { Metadata } from "next";
import Link from "next/link";
import { LiveTopic } from "@/components/live/live-topic";
import { type FormAction, SavedSearchControlForm } from "@/components/saved-searches/saved-search-forms";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { can, savedSearchAccess } from "@/lib/auth/permissions";
import { type Actor, requireActor } from "@/lib/auth/session";
import type { Translate } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { listSavedSearches, type SavedSearchRow } from "@/lib/saved-searches/queries";
import { savedSearchHref } from "@/lib/saved-searches/schemas";
import { deleteSavedSearchAction, setSavedSearchAlertAction, updateSavedSearchAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("savedSearches.title") };
}

const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60";

/** The saved query as the reader can check it: `q=AI · type=standard`, or "no conditions". */
function conditions(query: string, t: Translate): string {
  const pairs = [...new URLSearchParams(query)].map(([key, value]) => `${key}=${value}`);
  return pairs.length ? pairs.join(" · ") : t("savedSearches.noConditions");
}

function SavedSearchCard({ search, actor, t }: { search: SavedSearchRow; actor: Actor; t: Translate }) {
  const access = savedSearchAccess(actor, search);
  const own = search.ownerId === actor.id;
  const scope = t(search.scope === "policies" ? "savedSearches.scopePolicies" : "savedSearches.scopeIntake");
  const headingId = `saved-search-${search.id}`;
  return (
    <li data-testid="saved-search" data-live-key={`saved_search:${search.id}`} className="space-y-2 px-4 py-3">
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 id={headingId} className="min-w-0 font-medium break-words text-slate-900">
          {search.name}
        </h3>
        <Badge>{scope}</Badge>
        {search.shared ? <Badge tone="blue">{t("savedSearches.sharedBadge")}</Badge> : <Badge tone="violet">{t("savedSearches.private")}</Badge>}
        {search.alert ? <Badge tone="green">{t("savedSearches.alertOn")}</Badge> : null}
        {own ? null : <span className="text-xs text-slate-500">{t("savedSearches.owner", { name: search.ownerName })}</span>}
      </div>
      <p className="text-xs break-all text-slate-600">
        {t("savedSearches.conditions")}: <code>{conditions(search.query, t)}</code>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={savedSearchHref(search)} className="text-sm">
          {t("savedSearches.open")} →
        </Link>
        {search.scope === "policies" ? (
          <SavedSearchControlForm action={setSavedSearchAlertAction as FormAction} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="id" value={search.id} />
            <input type="hidden" name="alert" value={search.alert ? "" : "on"} />
            <button type="submit" className={button} aria-label={t(search.alert ? "savedSearches.alertTurnOffOf" : "savedSearches.alertTurnOnOf", { name: search.name })}>
              {t(search.alert ? "savedSearches.alertTurnOff" : "savedSearches.alertTurnOn")}
            </button>
          </SavedSearchControlForm>
        ) : null}
        {access.remove ? (
          <SavedSearchControlForm action={deleteSavedSearchAction as FormAction} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="id" value={search.id} />
            <button type="submit" className={`${button} border-red-300 text-red-700 hover:bg-red-50`} aria-label={t("savedSearches.deleteOf", { name: search.name })}>
              {t("savedSearches.delete")}
            </button>
          </SavedSearchControlForm>
        ) : null}
      </div>
      {access.edit ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">{t("savedSearches.edit")}</summary>
          <SavedSearchControlForm action={updateSavedSearchAction as FormAction} done={t("savedSearches.changesSaved")} className="mt-2 flex flex-wrap items-end gap-3">
            <input type="hidden" name="id" value={search.id} />
            <input type="hidden" name="version" value={search.version} />
            <div className="min-w-48 flex-1 space-y-1">
              <label htmlFor={`${headingId}-name`} className="block text-xs font-medium text-slate-700">{t("savedSearches.name")}</label>
              <input id={`${headingId}-name`} name="name" defaultValue={search.name} required maxLength={80} autoComplete="off" className={inputClass} />
            </div>
            {can(actor.role, "savedSearches.share") || search.shared ? (
              <label className="flex items-center gap-2 py-2 text-sm">
                <input type="checkbox" name="shared" defaultChecked={search.shared} className="size-4" />
                {t("savedSearches.shared")}
              </label>
            ) : null}
            <SubmitButton pending={false} label={t("savedSearches.saveChanges")} size="sm" />
          </SavedSearchControlForm>
        </details>
      ) : null}
    </li>
  );
}

export default async function SavedSearchesPage() {
  const actor = await requireActor("/saved-searches");
  const [t, searches] = await Promise.all([getT(), listSavedSearches(actor.id)]);
  const mine = searches.filter((s) => s.ownerId === actor.id);
  const team = searches.filter((s) => s.ownerId !== actor.id);
  const list = (rows: SavedSearchRow[], label: string) => (
    <ul aria-label={label} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {rows.map((search) => <SavedSearchCard key={search.id} search={search} actor={actor} t={t} />)}
    </ul>
  );
  return (
    <div className="space-y-8">
      <LiveTopic entityType="saved_search" />
      <PageHeader title={t("savedSearches.title")} intro={t("savedSearches.intro")} />
      <section aria-labelledby="saved-mine" className="space-y-3">
        <h2 id="saved-mine" className="text-lg font-semibold">{t("savedSearches.mine")}</h2>
        {mine.length ? list(mine, t("savedSearches.mine")) : (
          <EmptyState title={t("savedSearches.emptyMine")} hint={t("savedSearches.emptyMineHint")}>
            <Link href="/policies">{t("nav.policies")}</Link> · <Link href="/intake">{t("nav.intake")}</Link>
          </EmptyState>
        )}
      </section>
      <section aria-labelledby="saved-team" className="space-y-3">
        <h2 id="saved-team" className="text-lg font-semibold">{t("savedSearches.team")}</h2>
        {team.length ? list(team, t("savedSearches.team")) : <EmptyState title={t("savedSearches.emptyTeam")} />}
      </section>
    </div>
  );
}
