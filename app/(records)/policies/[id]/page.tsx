import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentSection } from "@/components/comments/comment-section";
import { PolicyImpacts } from "@/components/impacts/policy-impacts";
import { NodeChips } from "@/components/framework/node-chips";
import { PolicyStatusBadge } from "@/components/policies/policy-badges";
import { RichText } from "@/components/rich-text/rich-text";
import { FieldList } from "@/components/ui/field-list";
import { isSafeLinkHref } from "@/lib/editor/extensions";
import { formatDate, formatDateTime, isoDateTime } from "@/lib/format";
import { requireActor } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { getPolicy } from "@/lib/policies/queries";
import { listEntityHistory } from "@/lib/activity/queries";
import { can } from "@/lib/auth/permissions";
import { PolicyAdminControls } from "@/components/policies/policy-admin-controls";
import { SourceRecord } from "@/components/intake/source-record";
import { PolicyHistory } from "@/components/policies/policy-history";
import { deletePolicyAction, restorePolicyAction, reviewSourceChangeAction } from "@/app/(workspace)/policies/actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const policy = await getPolicy(id);
  return { title: policy?.titleKo ?? (await getT())("policies.title") };
}

export default async function PolicyPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { comments: commentsShown } = await searchParams;
  const actor = await requireActor(`/policies/${encodeURIComponent(id)}`);
  const isAdmin = can(actor.role, "policies.delete");
  // Admins still see a deleted policy, to restore it; for everyone else it is gone.
  const [t, locale, policy] = await Promise.all([getT(), getLocale(), getPolicy(id, { includeDeleted: isAdmin })]);
  if (!policy) notFound();
  const history = await listEntityHistory("policy", policy.id);
  const canEdit = can(actor.role, "policies.edit") && !policy.deletedAt;

  const none = <span className="text-slate-500">{t("policies.notSet")}</span>;
  const date = (value: string | null, precision: "day" | "month" | "year" = "day") =>
    value ? <time dateTime={value}>{formatDate(value, locale, { precision })}</time> : none;

  return (
    <article className="space-y-6">
      <p className="text-sm">
        <Link href="/policies">← {t("policies.backToList")}</Link>
      </p>
      {policy.deletedAt ? (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t("policies.deletedNotice")}</p>
      ) : null}
      <header className="space-y-1">
        <h1 lang="ko" className="text-2xl font-semibold">
          {policy.titleKo}
        </h1>
        {policy.titleZh ? (
          <p lang="zh-CN" className="text-slate-700">
            {policy.titleZh}
          </p>
        ) : null}
        {policy.titleEn ? (
          <p lang="en" className="text-sm text-slate-500">
            {policy.titleEn}
          </p>
        ) : null}
        {canEdit || isAdmin ? (
          <div className="flex flex-wrap items-start gap-2 pt-2">
            {canEdit ? (
              <Link
                href={`/policies/${policy.id}/edit`}
                className="inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 hover:no-underline"
              >
                {t("policies.edit")}
              </Link>
            ) : null}
            {isAdmin ? (
              <PolicyAdminControls
                id={policy.id}
                deleted={policy.deletedAt !== null}
                actions={{ remove: deletePolicyAction, restore: restorePolicyAction }}
                labels={{ delete: t("policies.delete"), restore: t("policies.restore"), confirm: t("policies.deleteConfirm") }}
              />
            ) : null}
          </div>
        ) : null}
      </header>

      <section aria-labelledby="policy-details" className="space-y-2">
        <h2 id="policy-details" className="text-lg font-semibold">
          {t("policies.details")}
        </h2>
        <FieldList
          fields={[
            { label: t("policies.status"), value: <PolicyStatusBadge status={policy.status} label={t(`vocab.policyStatus.${policy.status}`)} /> },
            { label: t("policies.instrumentType"), value: t(`vocab.instrument.${policy.instrumentType}`) },
            {
              label: t("policies.issuingBodies"),
              value: policy.issuingBodies.length ? (
                <ul className="space-y-0.5">
                  {policy.issuingBodies.map((body) => (
                    <li key={body.id}>
                      <span lang="ko">{body.nameKo}</span> <span lang="zh-CN" className="text-slate-500">{body.nameZh}</span>
                      {body.abbreviation ? <span className="text-slate-500"> ({body.abbreviation})</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                none
              ),
            },
            { label: t("policies.documentNumber"), value: policy.documentNumber ? <span lang="zh-CN">{policy.documentNumber}</span> : none },
            { label: t("policies.announcedOn"), value: date(policy.announcedOn, policy.announcedPrecision) },
            { label: t("policies.effectiveOn"), value: date(policy.effectiveOn) },
            {
              label: t("policies.sourceUrl"),
              value: isSafeLinkHref(policy.sourceUrl) ? (
                <a href={policy.sourceUrl} rel="noopener noreferrer nofollow" target="_blank" className="break-all">
                  {policy.sourceUrl}
                </a>
              ) : (
                none
              ),
            },
            { label: t("policies.lastCheckedOn"), value: date(policy.lastCheckedOn) },
            { label: t("policies.significance"), value: t(`vocab.priority.${policy.significance}`) },
            { label: t("policies.relation"), value: policy.relation ? t(`vocab.relation.${policy.relation}`) : none },
            { label: t("policies.nodes"), value: <NodeChips nodes={policy.nodes} locale={locale} empty={t("policies.noNodes")} linked /> },
            { label: t("policies.createdBy"), value: policy.createdByName ?? none },
            {
              label: t("policies.updatedAt"),
              value: <time dateTime={isoDateTime(policy.updatedAt)}>{formatDateTime(policy.updatedAt, locale)}</time>,
            },
          ]}
        />
      </section>

      <section aria-labelledby="policy-summary" className="space-y-2">
        <h2 id="policy-summary" className="text-lg font-semibold">
          {t("policies.summary")}
        </h2>
        {policy.summary ? (
          <div className="rounded-lg border border-slate-200 bg-white px-5 py-4">
            <RichText doc={policy.summary} unavailableLabel={t("editor.unavailable")} />
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t("policies.noSummary")}</p>
        )}
      </section>

      <section aria-labelledby="policy-passages" className="space-y-2">
        <h2 id="policy-passages" className="text-lg font-semibold">
          {t("policies.passages")}
        </h2>
        {policy.passages.length ? (
          <ul className="space-y-2">
            {policy.passages.map((passage, i) => (
              <li key={i} className="space-y-1">
                <blockquote lang="ko" className="border-l-4 border-slate-300 bg-white py-2 pr-3 pl-4 text-slate-800">
                  {passage.quote}
                </blockquote>
                {passage.orphaned ? (
                  <p className="text-sm text-slate-600" data-testid="passage-orphaned">
                    {t("policies.passageOrphaned")}
                  </p>
                ) : (
                  <Link href={`/brief?start=${passage.start}&end=${passage.end}#cited-passage`} className="text-sm">
                    {t("policies.openPassage")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t("policies.noPassages")}</p>
        )}
        <p className="text-sm">
          <Link href="/brief">{t("policies.openBrief")}</Link>
        </p>
      </section>

      <SourceRecord policyId={policy.id} t={t} locale={locale} review={canEdit ? reviewSourceChangeAction : null} />

      <PolicyImpacts policyId={policy.id} />

      <section aria-labelledby="history-heading" id="history" className="space-y-2">
        <h2 className="text-lg font-semibold" id="history-heading">
          {t("policies.history")}
        </h2>
        <PolicyHistory entries={history} t={t} locale={locale} />
      </section>

      <CommentSection targetType="policy" targetId={policy.id} allHref={`/policies/${policy.id}?comments=all`} showAll={commentsShown === "all"} />
    </article>
  );
}
