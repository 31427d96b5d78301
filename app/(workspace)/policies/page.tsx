import type { Metadata } from "next";
import Link from "next/link";
import { NodeChips } from "@/components/framework/node-chips";
import { PolicyStatusBadge } from "@/components/policies/policy-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { listPolicies } from "@/lib/policies/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("policies.title") };
}

const th = "px-3 py-2 text-left text-xs font-medium text-slate-500 whitespace-nowrap";
const td = "px-3 py-2.5 align-top";

export default async function PoliciesPage() {
  await requireActor("/policies");
  const [t, locale, policies] = await Promise.all([getT(), getLocale(), listPolicies()]);

  return (
    <div>
      <PageHeader
        title={t("policies.title")}
        meta={policies.length > 0 ? t("policies.count", { count: policies.length }) : undefined}
        intro={t("policies.intro")}
        note={t("policies.laterNote")}
      />
      {policies.length === 0 ? (
        <EmptyState title={t("policies.empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-labelledby="policies-caption">
          <table className="w-full min-w-[56rem] border-collapse text-sm">
            <caption id="policies-caption" className="sr-only">
              {t("policies.caption")}
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className={th}>{t("policies.titleKo")}</th>
                <th scope="col" className={th}>{t("policies.titleZh")}</th>
                <th scope="col" className={th}>{t("policies.nodes")}</th>
                <th scope="col" className={th}>{t("policies.instrumentType")}</th>
                <th scope="col" className={th}>{t("policies.status")}</th>
                <th scope="col" className={th}>{t("policies.announcedOn")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {policies.map((policy) => (
                <tr key={policy.id} className="hover:bg-slate-50">
                  <td className={`${td} min-w-[14rem] font-medium`}>
                    <Link href={`/policies/${policy.id}`} lang="ko">
                      {policy.titleKo}
                    </Link>
                  </td>
                  <td className={`${td} min-w-[14rem] text-slate-700`} lang="zh-CN">
                    {policy.titleZh ?? <span className="text-slate-400">{t("policies.notSet")}</span>}
                  </td>
                  <td className={`${td} min-w-[12rem]`}>
                    <NodeChips nodes={policy.nodes} locale={locale} />
                  </td>
                  <td className={`${td} whitespace-nowrap`}>{t(`vocab.instrument.${policy.instrumentType}`)}</td>
                  <td className={td}>
                    <PolicyStatusBadge status={policy.status} label={t(`vocab.policyStatus.${policy.status}`)} />
                  </td>
                  <td className={`${td} whitespace-nowrap tabular-nums`}>
                    {policy.announcedOn ? (
                      <time dateTime={policy.announcedOn}>{formatDate(policy.announcedOn, locale, { precision: policy.announcedPrecision })}</time>
                    ) : (
                      <span className="text-slate-400">{t("policies.notSet")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
