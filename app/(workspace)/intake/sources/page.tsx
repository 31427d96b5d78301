import type { Metadata } from "next";
import Link from "next/link";
import { OpmlImportForm } from "@/components/intake/opml-import-form";
import { SourceControls } from "@/components/intake/source-controls";
import { LiveTopic } from "@/components/live/live-topic";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { formatDateTime, isoDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listSources } from "@/lib/intake/queries";
import { describeSourceError } from "@/lib/intake/source-errors";
import { checkSourceNowAction, deleteSourceAction, importOpmlAction, setSourceEnabledAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("intake.sourcesTitle") };
}

const button = "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 hover:no-underline";

/** "HTTP 404" (the stored detail of an `http_status` failure) → 404. */
function statusOf(detail: string | null | undefined): number | null {
  const m = /\b(\d{3})\b/.exec(detail ?? "");
  return m ? Number(m[1]) : null;
}

export default async function SourcesPage() {
  const actor = await requireActor("/intake/sources");
  const canManage = can(actor.role, "intake.manage");
  const [t, locale, rows] = await Promise.all([getT(), getLocale(), listSources()]);

  const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide whitespace-nowrap text-slate-600";
  const td = "px-3 py-3 align-top text-sm text-slate-800";
  // The name stays in view while the rest of a wide row scrolls sideways on a phone.
  const first = "sticky left-0 z-10 min-w-[9rem] max-w-[14rem] border-r border-slate-200 break-words";
  const when = (value: Date | null) =>
    value ? <time dateTime={isoDateTime(value)}>{formatDateTime(value, locale)}</time> : <span className="text-slate-600">{t("intake.never")}</span>;

  return (
    <div className="space-y-10">
      <LiveTopic entityType="source" />
      <div>
        <p className="mb-3 text-sm"><Link href="/intake">{t("intake.backToQueue")}</Link></p>
        <PageHeader title={t("intake.sourcesTitle")} intro={t("intake.sourcesIntro")} />
        {canManage ? (
          <Link href="/intake/sources/new" className="inline-flex items-center rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 hover:no-underline">
            {t("intake.addSource")}
          </Link>
        ) : null}
      </div>

      <section className="space-y-3">
        {rows.length === 0 ? (
          <EmptyState title={t("intake.sourcesEmpty")}>
            {canManage ? <Link href="/intake/sources/new">{t("intake.addSource")}</Link> : null}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 bg-white">
              <caption className="sr-only">{t("intake.sourcesCaption")}</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={`${th} ${first} bg-slate-50`}>{t("intake.name")}</th>
                  <th scope="col" className={th}>{t("intake.kind")}</th>
                  <th scope="col" className={th}>{t("intake.url")}</th>
                  <th scope="col" className={th}>{t("intake.interval")}</th>
                  <th scope="col" className={th}>{t("intake.colState")}</th>
                  <th scope="col" className={th}>{t("intake.lastChecked")}</th>
                  <th scope="col" className={th}>{t("intake.lastSuccess")}</th>
                  <th scope="col" className={th}>{t("intake.lastError")}</th>
                  <th scope="col" className={th}>{t("intake.entriesFound")}</th>
                  {canManage ? <th scope="col" className={th}>{t("intake.colActions")}</th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((source) => (
                  <tr key={source.id}>
                    <td className={`${td} ${first} bg-white font-medium`}>
                      {canManage ? <Link href={`/intake/sources/${source.id}`}>{source.name}</Link> : source.name}
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{t(`vocab.sourceKind.${source.kind}`)}</td>
                    <td className={`${td} min-w-[12rem] max-w-[20rem] break-all`}>
                      <a href={source.url} target="_blank" rel="noreferrer">{source.url}</a>
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{source.intervalMinutes.toLocaleString(locale)}</td>
                    <td className={td}>
                      {source.enabled ? <Badge tone="green">{t("intake.active")}</Badge> : <Badge tone="amber">{t("intake.paused")}</Badge>}
                    </td>
                    <td className={`${td} min-w-[8rem]`}>{when(source.lastCheckedAt)}</td>
                    <td className={`${td} min-w-[8rem]`}>{when(source.lastSuccessAt)}</td>
                    <td className={`${td} min-w-[12rem] max-w-[20rem]`}>
                      {source.lastError ? (
                        <span className="text-red-700">{describeSourceError(t, source.lastError, statusOf(source.lastErrorDetail))}</span>
                      ) : (
                        <span className="text-slate-600">{t("intake.noError")}</span>
                      )}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{source.entriesFound.toLocaleString(locale)}</td>
                    {canManage ? (
                      <td className={`${td} min-w-[13rem]`}>
                        <SourceControls
                          source={{ id: source.id, enabled: source.enabled }}
                          actions={{ setEnabled: setSourceEnabledAction, checkNow: checkSourceNowAction, remove: deleteSourceAction }}
                          labels={{
                            group: t("intake.sourceControls", { name: source.name }),
                            pause: t("intake.pause"),
                            resume: t("intake.resume"),
                            checkNow: t("intake.checkNow"),
                            checkQueued: t("intake.checkQueued"),
                            checkDone: t("intake.checkDone"),
                            delete: t("intake.delete"),
                            deleteConfirm: t("intake.deleteConfirm", { name: source.name }),
                          }}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="opml-heading" className="space-y-3">
        <h2 id="opml-heading" className="text-lg font-semibold text-slate-900">{t("intake.opmlTitle")}</h2>
        <p className="text-sm text-slate-600">{t("intake.opmlIntro")}</p>
        <p>
          <a href="/api/intake/sources.opml" download className={button}>{t("intake.opmlExport")}</a>
        </p>
        {canManage ? (
          <OpmlImportForm
            action={importOpmlAction}
            labels={{
              file: t("intake.opmlFile"),
              submit: t("intake.opmlImport"),
              importing: t("intake.opmlImporting"),
              noFile: t("intake.error.opmlEmpty"),
              // Templates: the form fills in the report's numbers.
              result: t("intake.opmlResult"),
              errors: t("intake.opmlErrors"),
              line: t("intake.opmlLine"),
            }}
          />
        ) : null}
      </section>
    </div>
  );
}
