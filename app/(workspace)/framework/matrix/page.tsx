import type { Metadata } from "next";
import { LiveTopic } from "@/components/live/live-topic";
import Link from "next/link";
import { MatrixTable } from "@/components/response-items/matrix-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { BLIND_SPOT_DAYS, type CellPolicy, cellPolicies, getFrameworkMatrix, recentPoliciesOfNode } from "@/lib/response-items/matrix";
import { isUuid } from "@/lib/uuid";
import type { Locale } from "@/lib/vocab";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("matrix.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function PolicyList({ policies, empty, locale }: { policies: CellPolicy[]; empty: string; locale: Locale }) {
  if (policies.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {policies.map((p) => (
        <li key={p.id} className="py-1.5">
          <Link href={`/policies/${p.id}`} lang="ko">
            {p.titleKo}
          </Link>
          {p.announcedOn ? <span className="ml-2 text-xs text-slate-500 tabular-nums">{formatDate(p.announcedOn, locale)}</span> : null}
          {p.note ? <p className="text-xs text-slate-600">{p.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export default async function FrameworkMatrixPage({ searchParams }: Props) {
  const params = await searchParams;
  const cell = typeof params.cell === "string" ? params.cell : null;
  const spot = typeof params.spot === "string" && isUuid(params.spot) ? params.spot : null;
  const requestedPage = typeof params.page === "string" ? Number.parseInt(params.page, 10) || 1 : 1;
  await requireActor("/framework/matrix");
  const [itemId, nodeId] = cell?.split(":") ?? [];
  const [t, locale, matrix, cellList, spotList] = await Promise.all([
    getT(),
    getLocale(),
    getFrameworkMatrix({ page: requestedPage }),
    itemId && nodeId ? cellPolicies(itemId, nodeId) : Promise.resolve(null),
    spot ? recentPoliciesOfNode(spot) : Promise.resolve(null),
  ]);
  const nodes = new Map(matrix.dimensions.flatMap((d) => d.nodes.map((n) => [n.id, locale === "en" ? n.labelEn : n.labelKo] as const)));
  const cellItem = matrix.items.find((i) => i.id === itemId);
  // Every link of the page keeps the item page it is on.
  const href = (extra: Record<string, string>, hash = "") => {
    const query = new URLSearchParams({ ...(matrix.page > 1 ? { page: String(matrix.page) } : {}), ...extra }).toString();
    return `/framework/matrix${query ? `?${query}` : ""}${hash}`;
  };
  const first = matrix.items[0];
  const last = matrix.items.at(-1);

  return (
    <div className="space-y-5">
      {/* Cells count policies, items, impacts and nodes: any of them changing refreshes it. */}
      <LiveTopic entityType="policy" />
      <LiveTopic entityType="response_item" />
      <LiveTopic entityType="framework_node" />
      <p className="text-sm">
        <Link href="/framework">← {t("framework.title")}</Link>
      </p>
      <PageHeader title={t("matrix.title")} intro={t("matrix.intro")} />
      <ul aria-label={t("matrix.legend")} className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
        <li>{t("matrix.legendCovered")}</li>
        <li>{t("matrix.legendCount")}</li>
        <li>{t("matrix.legendReview")}</li>
      </ul>

      {cellList && cellItem && nodes.has(nodeId) ? (
        <section id="cell" aria-labelledby="cell-title" className="rounded-lg border border-blue-200 bg-white p-4">
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="cell-title" className="font-semibold">
              {t("matrix.cellTitle", { number: cellItem.number, item: cellItem.title, node: nodes.get(nodeId) ?? "" })}
            </h2>
            <Link href={href({})} className="text-sm">
              {t("matrix.close")}
            </Link>
          </div>
          <PolicyList policies={cellList} empty={t("matrix.cellEmpty")} locale={locale} />
        </section>
      ) : null}

      {matrix.items.length === 0 ? (
        <EmptyState title={t("matrix.noItems")} />
      ) : matrix.dimensions.length === 0 ? (
        <EmptyState title={t("matrix.noNodes")} />
      ) : (
        <div className="space-y-2">
          {matrix.pages > 1 && first && last ? (
            <p className="text-sm text-slate-600">{t("matrix.showing", { from: first.number, to: last.number, count: matrix.items.length, total: matrix.totalItems })}</p>
          ) : null}
          <MatrixTable matrix={matrix} t={t} locale={locale} selected={cell} cellHref={(key) => href({ cell: key }, "#cell")} />
          <Pager page={matrix.page} pages={matrix.pages} href={(n) => `/framework/matrix${n > 1 ? `?page=${n}` : ""}`} label={t("matrix.pagination")} t={t} />
        </div>
      )}

      <section aria-labelledby="blind-spots" className="space-y-2">
        <h2 id="blind-spots" className="text-lg font-semibold">
          {t("matrix.blindSpots")}
        </h2>
        <p className="text-sm text-slate-600">{t("matrix.blindSpotsIntro", { days: BLIND_SPOT_DAYS })}</p>
        {matrix.blindSpots.length === 0 ? (
          <p className="text-sm text-slate-500">{t("matrix.blindSpotsEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-amber-300 bg-amber-50/50">
            {matrix.blindSpots.map((b) => (
              <li key={b.nodeId} className="px-4 py-2 text-sm">
                <Link href={href({ spot: b.nodeId }, "#blind-spots")} className="font-medium">
                  {nodes.get(b.nodeId)}
                </Link>
                <span className="ml-2 text-slate-600">{t("matrix.recentPolicies", { count: b.recentPolicies })}</span>
                {spot === b.nodeId && spotList ? (
                  <div className="mt-2">
                    <PolicyList policies={spotList} empty={t("matrix.cellEmpty")} locale={locale} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
