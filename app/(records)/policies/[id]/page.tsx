import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/activity/entity-history";
import { CommentSection } from "@/components/comments/comment-section";
import { NodeChips } from "@/components/framework/node-chips";
import { PolicyStatusBadge } from "@/components/policies/policy-badges";
import { RichText } from "@/components/rich-text/rich-text";
import { FieldList } from "@/components/ui/field-list";
import { isSafeLinkHref } from "@/lib/editor/extensions";
import { formatDate, formatDateTime, isoDateTime } from "@/lib/format";
import { requireActor } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { getPolicy } from "@/lib/policies/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const policy = await getPolicy(id);
  return { title: policy?.titleKo ?? (await getT())("policies.title") };
}

export default async function PolicyPage({ params }: Props) {
  const { id } = await params;
  await requireActor(`/policies/${encodeURIComponent(id)}`);
  const [t, locale, policy] = await Promise.all([getT(), getLocale(), getPolicy(id)]);
  if (!policy) notFound();

  const none = <span className="text-slate-400">{t("policies.notSet")}</span>;
  const date = (value: string | null, precision: "day" | "month" | "year" = "day") =>
    value ? <time dateTime={value}>{formatDate(value, locale, { precision })}</time> : none;

  return (
    <article className="space-y-6">
      <p className="text-sm">
        <Link href="/policies">← {t("policies.backToList")}</Link>
      </p>
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
            { label: t("policies.nodes"), value: <NodeChips nodes={policy.nodes} locale={locale} empty={t("policies.noNodes")} /> },
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
              <li key={i}>
                <blockquote lang="ko" className="border-l-4 border-slate-300 bg-white py-2 pr-3 pl-4 text-slate-800">
                  {passage.quote}
                </blockquote>
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

      <CommentSection targetType="policy" targetId={policy.id} />
      <EntityHistory entityType="policy" entityId={policy.id} />
    </article>
  );
}
