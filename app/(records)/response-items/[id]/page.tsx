import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentSection } from "@/components/comments/comment-section";
import { NodeChips } from "@/components/framework/node-chips";
import { ItemImpacts } from "@/components/impacts/item-impacts";
import { EditingNow } from "@/components/live/editing-now";
import { ItemForm } from "@/components/response-items/item-form";
import { itemFormProps } from "@/components/response-items/item-form-props";
import { ItemHistory } from "@/components/response-items/item-history";
import { ItemStatusBadge, NeedsReviewBadge, OverdueBadge, PriorityBadge } from "@/components/response-items/item-badges";
import { ArchiveItemForm, AssignOwnerForm, ProgressUpdateForm } from "@/components/response-items/item-side-forms";
import { ProgressTimeline } from "@/components/response-items/progress-timeline";
import { Presence } from "@/components/presence/presence";
import { RichText } from "@/components/rich-text/rich-text";
import { FieldList } from "@/components/ui/field-list";
import { updateResponseItemAction } from "@/app/(workspace)/response-items/actions";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getFrameworkOverview } from "@/lib/framework/queries";
import { formatDate, formatDateTime, isoDateTime, todayIn } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { impactsForItem, linkablePolicies } from "@/lib/impacts/queries";
import { listEntityHistory } from "@/lib/activity/queries";
import { historyUserNames } from "@/lib/response-items/history";
import { getResponseItem, listOwnerCandidates, listProgressUpdates } from "@/lib/response-items/queries";
import { isOverdue } from "@/lib/response-items/rules";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [t, item] = await Promise.all([getT(), getResponseItem(id)]);
  return { title: item ? `${t("items.itemNumber", { number: item.number })} ${item.title}` : t("items.title") };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ResponseItemPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { comments: commentsShown, impacts: impactsShown } = await searchParams;
  const actor = await requireActor(`/response-items/${encodeURIComponent(id)}`);
  const [t, locale, item] = await Promise.all([getT(), getLocale(), getResponseItem(id)]);
  if (!item) notFound();
  const canEdit = can(actor.role, "responseItems.edit");
  const canLink = can(actor.role, "impacts.edit");
  const mayUpdate = canEdit || item.ownerId === actor.id;
  const [updates, impacts, linkable, history, owners, framework] = await Promise.all([
    listProgressUpdates(item.id),
    impactsForItem(item.id),
    canLink ? linkablePolicies(item.id) : Promise.resolve([]),
    listEntityHistory("response_item", item.id),
    canEdit ? listOwnerCandidates() : Promise.resolve([]),
    canEdit ? getFrameworkOverview({ counts: false }) : Promise.resolve([]),
  ]);
  const userNames = await historyUserNames(history);
  const today = todayIn();
  const openImpacts = impacts.filter((i) => !i.removedAt && !i.acknowledgedAt);
  const archived = item.archivedAt !== null;

  return (
    <article className="space-y-8">
      <Presence topic={`response_item:${item.id}`} />
      <p className="text-sm">
        <Link href="/response-items">← {t("items.backToList")}</Link>
      </p>
      <header className="space-y-2">
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-500 tabular-nums">
          {t("items.itemNumber", { number: item.number })}
          {openImpacts.length ? <NeedsReviewBadge label={t("items.needsReviewCount", { count: openImpacts.length })} /> : null}
        </p>
        <h1 lang="ko" className="text-2xl font-semibold">
          {item.title}
        </h1>
        {archived ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("items.archivedNote")}</p> : null}
        {canEdit ? <ArchiveItemForm itemId={item.id} version={item.version} archived={archived} t={t} /> : null}
      </header>

      <Section id="item-details" title={t("items.details")}>
        <FieldList
          fields={[
            {
              label: t("items.owner"),
              value: (
                <div className="space-y-1">
                  <p>{item.ownerName ?? <span className="text-slate-500">{t("items.unassigned")}</span>}</p>
                  {canEdit && !archived ? <AssignOwnerForm itemId={item.id} version={item.version} ownerId={item.ownerId} owners={owners} t={t} /> : null}
                </div>
              ),
            },
            { label: t("items.status"), value: <ItemStatusBadge status={item.status} label={t(`vocab.itemStatus.${item.status}`)} /> },
            { label: t("items.priority"), value: <PriorityBadge priority={item.priority} label={t(`vocab.priority.${item.priority}`)} /> },
            {
              label: t("items.dueOn"),
              value: item.dueOn ? (
                <span className="inline-flex items-center gap-2">
                  <time dateTime={item.dueOn}>{formatDate(item.dueOn, locale)}</time>
                  {isOverdue(item, today) ? <OverdueBadge label={t("items.overdue")} /> : null}
                </span>
              ) : (
                <span className="text-slate-500">{t("items.noDue")}</span>
              ),
            },
            { label: t("items.nodes"), value: <NodeChips nodes={item.nodes} locale={locale} empty={t("items.noNodes")} /> },
            { label: t("items.updatedAt"), value: <time dateTime={isoDateTime(item.updatedAt)}>{formatDateTime(item.updatedAt, locale)}</time> },
          ]}
        />
      </Section>

      <Section id="item-passage" title={t("items.passage")}>
        {item.passage ? (
          <figure className="space-y-1">
            <blockquote lang="ko" className="border-l-4 border-blue-300 bg-white py-2.5 pr-3 pl-4 text-[16px] leading-relaxed text-slate-800">
              {item.passage.quote}
            </blockquote>
            <figcaption className="text-xs text-slate-500">
              {item.passageOrphaned ? (
                <span data-testid="passage-orphaned">{t("policies.passageOrphaned")} </span>
              ) : null}
              <Link href={item.passageOrphaned ? "/brief" : `/brief?start=${item.passage.start}&end=${item.passage.end}#cited-passage`}>
                {item.passageRevisionNumber !== null ? t("items.passageFrom", { number: item.passageRevisionNumber }) : t("brief.title")}
              </Link>
            </figcaption>
          </figure>
        ) : (
          <p className="text-sm text-slate-500">{t("items.noPassage")}</p>
        )}
      </Section>

      <Section id="item-description" title={t("items.description")}>
        {item.description ? (
          <div className="rounded-lg border border-slate-200 bg-white px-5 py-4">
            <RichText doc={item.description} unavailableLabel={t("editor.unavailable")} />
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t("items.noDescription")}</p>
        )}
      </Section>

      <Section id="item-impacts" title={t("items.linkedPolicies")}>
        <ItemImpacts itemId={item.id} impacts={impacts} linkable={linkable} canEdit={canLink && !archived} allHref={`/response-items/${item.id}?impacts=all#item-impacts`} showAll={impactsShown === "all"} t={t} locale={locale} />
      </Section>

      <Section id="item-progress" title={t("items.progress")}>
        {mayUpdate && !archived ? <ProgressUpdateForm itemId={item.id} version={item.version} status={item.status} openImpacts={openImpacts} t={t} /> : null}
        <ProgressTimeline updates={updates} t={t} locale={locale} />
      </Section>

      {canEdit && !archived ? (
        <details className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <summary className="cursor-pointer font-medium">{t("items.edit")}</summary>
          <div className="mt-4 space-y-4">
            <EditingNow entityType="response_item" entityId={item.id} />
            <ItemForm
              action={updateResponseItemAction}
              item={{
                id: item.id,
                version: item.version,
                title: item.title,
                description: item.description,
                nodeIds: item.nodes.map((n) => n.id),
                priority: item.priority,
                dueOn: item.dueOn,
              }}
              {...itemFormProps(framework, t, locale, t("common.save"), item.nodes)}
            />
          </div>
        </details>
      ) : null}

      <CommentSection targetType="response_item" targetId={item.id} allHref={`/response-items/${item.id}?comments=all`} showAll={commentsShown === "all"} />

      <Section id="item-history" title={t("items.history")}>
        <ItemHistory entries={history} t={t} locale={locale} userNames={userNames} />
      </Section>
    </article>
  );
}
