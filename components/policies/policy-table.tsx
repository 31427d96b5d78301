import Link from "next/link";
import { NodeChips } from "@/components/framework/node-chips";
import { PolicyStatusBadge } from "@/components/policies/policy-badges";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import type { PolicyListRow } from "@/lib/policies/filtered-list";
import { highlight } from "@/lib/search/highlight";
import type { SearchQuery } from "@/lib/search/query";
import { Highlighted } from "@/components/search/highlighted";
import type { Locale } from "@/lib/vocab";

/** The policies of one page of the screen; the terms of a search marked in the titles. */
export function PolicyTable({ rows, t, locale, query }: { rows: PolicyListRow[]; t: Translate; locale: Locale; query?: SearchQuery }) {
  const marked = (text: string) => (query ? <Highlighted segments={highlight(text, query)} /> : text);
  const none = <span className="text-slate-500">{t("policies.notSet")}</span>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} aria-labelledby="policies-caption">
      <table className="dt w-full min-w-[60rem] border-collapse text-sm">
        <caption id="policies-caption" className="sr-only">{t("policies.caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col">{t("policies.titleKo")}</th>
            <th scope="col">{t("policies.titleZh")}</th>
            <th scope="col">{t("policies.nodes")}</th>
            <th scope="col">{t("policies.instrumentType")}</th>
            <th scope="col">{t("policies.status")}</th>
            <th scope="col">{t("policies.significance")}</th>
            <th scope="col">{t("policies.announcedOn")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((policy) => (
            <tr key={policy.id} data-live-key={`policy:${policy.id}`}>
              <td className="min-w-[14rem] font-medium">
                <Link href={`/policies/${policy.id}`} lang="ko">{marked(policy.titleKo)}</Link>
                {policy.deletedAt ? <span className="ml-2"><Badge tone="red">{t("policies.deletedBadge")}</Badge></span> : null}
              </td>
              <td className="min-w-[14rem] text-slate-700" lang="zh-CN">{policy.titleZh ? marked(policy.titleZh) : none}</td>
              <td className="min-w-[12rem]"><NodeChips nodes={policy.nodes} locale={locale} /></td>
              <td className="whitespace-nowrap">{t(`vocab.instrument.${policy.instrumentType}`)}</td>
              <td><PolicyStatusBadge status={policy.status} label={t(`vocab.policyStatus.${policy.status}`)} /></td>
              <td className="whitespace-nowrap">{t(`vocab.priority.${policy.significance}`)}</td>
              <td className="whitespace-nowrap tabular-nums">
                {policy.announcedOn ? (
                  <time dateTime={policy.announcedOn}>{formatDate(policy.announcedOn, locale, { precision: policy.announcedPrecision })}</time>
                ) : none}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
