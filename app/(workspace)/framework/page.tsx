import Link from "next/link";
import type { Metadata } from "next";
import { nodeLabel } from "@/components/framework/node-chips";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { getFrameworkOverview } from "@/lib/framework/queries";
import { getLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("framework.title") };
}

const th = "px-3 py-2 text-left text-xs font-medium text-slate-500";

export default async function FrameworkPage() {
  await requireActor("/framework");
  const [t, locale, dimensions] = await Promise.all([getT(), getLocale(), getFrameworkOverview()]);

  return (
    <div>
      <PageHeader title={t("framework.title")} intro={t("framework.intro")} note={t("framework.laterNote")} />
      <p className="mb-4 text-sm"><Link href="/framework/matrix">{t("matrix.link")} →</Link></p>
      {dimensions.length === 0 ? (
        <EmptyState title={t("framework.empty")} />
      ) : (
        <div className="space-y-5">
          {dimensions.map((dimension) => {
            const name = locale === "en" ? dimension.nameEn : dimension.nameKo;
            const headingId = `dimension-${dimension.key}`;
            return (
              <section key={dimension.id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white">
                <h2 id={headingId} className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold">
                  {name}
                </h2>
                {dimension.nodes.length === 0 ? (
                  <p className="px-4 py-3 text-sm text-slate-500">{t("framework.noNodes")}</p>
                ) : (
                  <table className="w-full border-collapse text-sm">
                    <caption className="sr-only">{t("framework.caption", { dimension: name })}</caption>
                    <thead className="bg-slate-50">
                      <tr>
                        <th scope="col" className={th}>{t("framework.node")}</th>
                        <th scope="col" className={`${th} w-28 text-right whitespace-nowrap`}>{t("framework.policies")}</th>
                        <th scope="col" className={`${th} w-28 text-right whitespace-nowrap`}>{t("framework.items")}</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {dimension.nodes.map((node) => (
                        <tr key={node.id}>
                          <th scope="row" className="px-3 py-2 align-top font-normal text-slate-900">
                            <span lang={locale === "en" && node.labelEn ? "en" : "ko"}>{nodeLabel(node, locale)}</span>
                            {locale === "en" && node.labelEn ? (
                              <span lang="ko" className="ml-2 text-xs text-slate-500">
                                {node.labelKo}
                              </span>
                            ) : null}
                          </th>
                          <td className="px-3 py-2 text-right align-top tabular-nums">{node.policyCount}</td>
                          <td className="px-3 py-2 text-right align-top tabular-nums">{node.itemCount}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
