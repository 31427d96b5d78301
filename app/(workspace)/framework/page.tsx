import Link from "next/link";
import { LiveTopic } from "@/components/live/live-topic";
import type { Metadata } from "next";
import { nodeLabel } from "@/components/framework/node-chips";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AddNodeForm, NodeControls, type NodeActions } from "@/components/framework/node-manager";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { addNodeAction, archiveNodeAction, deleteNodeAction, mergeNodeAction, moveNodeAction, unarchiveNodeAction, updateNodeAction } from "./actions";
import { ActionForm } from "@/components/framework/action-form";
import { getFrameworkOverview, listArchivedNodes } from "@/lib/framework/queries";
import { getLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("framework.title") };
}

const th = "px-3 py-2 text-left text-xs font-medium text-slate-500";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FrameworkPage({ searchParams }: Props) {
  const actor = await requireActor("/framework");
  const { manage } = await searchParams;
  const canEdit = can(actor.role, "framework.edit");
  const actions: NodeActions = {
    update: updateNodeAction,
    move: moveNodeAction,
    merge: mergeNodeAction,
    archive: archiveNodeAction,
    remove: deleteNodeAction,
    add: addNodeAction,
  };
  const [t, locale, dimensions, archived] = await Promise.all([getT(), getLocale(), getFrameworkOverview(), listArchivedNodes()]);

  return (
    <div>
      <LiveTopic entityType="framework_node" />
      <PageHeader title={t("framework.title")} intro={t("framework.intro")} />
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
                  <table className="fw w-full border-collapse text-sm">
                    <caption className="sr-only">{t("framework.caption", { dimension: name })}</caption>
                    <thead className="bg-slate-50">
                      <tr>
                        <th scope="col" className={th}>{t("framework.node")}</th>
                        <th scope="col" className={`${th} w-28 text-right whitespace-nowrap`}>{t("framework.policies")}</th>
                        <th scope="col" className={`${th} w-28 text-right whitespace-nowrap`}>{t("framework.items")}</th>
                        {canEdit ? <th scope="col" className={`${th} w-64`}><span className="sr-only">{t("framework.manage")}</span></th> : null}
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {dimension.nodes.map((node, index) => (
                        <tr key={node.id} id={`node-${node.id}`} data-live-key={`framework_node:${node.id}`}>
                          <th scope="row">
                            <span lang={locale === "en" && node.labelEn ? "en" : "ko"}>{nodeLabel(node, locale)}</span>
                            {locale === "en" && node.labelEn ? (
                              <span lang="ko" className="ml-2 text-xs text-slate-500">
                                {node.labelKo}
                              </span>
                            ) : null}
                          </th>
                          <td className="num">{node.policyCount}</td>
                          <td className="num">{node.itemCount}</td>
                          {canEdit ? (
                            <td>
                              <NodeControls
                                node={node}
                                siblings={dimension.nodes.filter((n) => n.id !== node.id)}
                                first={index === 0}
                                last={index === dimension.nodes.length - 1}
                                open={manage === node.id}
                                actions={actions}
                                t={t}
                                locale={locale}
                              />
                            </td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {canEdit ? <AddNodeForm dimension={dimension} action={actions.add} t={t} /> : null}
              </section>
            );
          })}
        </div>
      )}
      {archived.length ? (
        <section aria-labelledby="archived-nodes" className="mt-6 rounded-lg border border-slate-200 bg-white">
          <h2 id="archived-nodes" className="border-b border-slate-200 px-4 py-2.5 text-base font-semibold">{t("framework.archivedTitle")}</h2>
          <p className="px-4 pt-2 text-sm text-slate-600">{t("framework.archivedHint")}</p>
          <ul className="divide-y divide-slate-100">
            {archived.map((node) => (
              <li key={node.id} data-live-key={`framework_node:${node.id}`} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
                <span>
                  {nodeLabel(node, locale)} <span className="text-xs text-slate-500">· {dimensions.find((d) => d.id === node.dimensionId)?.[locale === "en" ? "nameEn" : "nameKo"]}</span>
                </span>
                {canEdit ? (
                  <ActionForm action={unarchiveNodeAction}>
                    <input type="hidden" name="id" value={node.id} />
                    <button className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50">{t("framework.unarchive")}</button>
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
