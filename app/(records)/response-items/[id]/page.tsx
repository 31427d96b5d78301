import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/activity/entity-history";
import { CommentSection } from "@/components/comments/comment-section";
import { NodeChips } from "@/components/framework/node-chips";
import { ItemStatusBadge, OverdueBadge, PriorityBadge } from "@/components/response-items/item-badges";
import { Presence } from "@/components/presence/presence";
import { RichText } from "@/components/rich-text/rich-text";
import { FieldList } from "@/components/ui/field-list";
import { requireActor } from "@/lib/auth/session";
import { formatDate, formatDateTime, isoDateTime, todayIn } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { getResponseItem } from "@/lib/response-items/queries";
import { isOverdue } from "@/lib/response-items/rules";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [t, item] = await Promise.all([getT(), getResponseItem(id)]);
  return { title: item ? `${t("items.itemNumber", { number: item.number })} ${item.title}` : t("items.title") };
}

export default async function ResponseItemPage({ params }: Props) {
  const { id } = await params;
  await requireActor(`/response-items/${encodeURIComponent(id)}`);
  const [t, locale, item] = await Promise.all([getT(), getLocale(), getResponseItem(id)]);
  if (!item) notFound();
  const today = todayIn();

  return (
    <article className="space-y-6">
      <Presence topic={`response_item:${item.id}`} />
      <p className="text-sm">
        <Link href="/response-items">← {t("items.backToList")}</Link>
      </p>
      <header className="space-y-1">
        <p className="text-sm text-slate-500 tabular-nums">{t("items.itemNumber", { number: item.number })}</p>
        <h1 lang="ko" className="text-2xl font-semibold">
          {item.title}
        </h1>
      </header>

      <section aria-labelledby="item-passage" className="space-y-2">
        <h2 id="item-passage" className="text-lg font-semibold">
          {t("items.passage")}
        </h2>
        {item.passage ? (
          <figure className="space-y-1">
            <blockquote lang="ko" className="border-l-4 border-blue-300 bg-white py-2.5 pr-3 pl-4 text-[16px] leading-relaxed text-slate-800">
              {item.passage.quote}
            </blockquote>
            <figcaption className="text-xs text-slate-500">
              <Link href="/brief">
                {item.passageRevisionNumber !== null ? t("items.passageFrom", { number: item.passageRevisionNumber }) : t("brief.title")}
              </Link>
            </figcaption>
          </figure>
        ) : (
          <p className="text-sm text-slate-500">{t("items.noPassage")}</p>
        )}
      </section>

      <section aria-labelledby="item-details" className="space-y-2">
        <h2 id="item-details" className="text-lg font-semibold">
          {t("items.details")}
        </h2>
        <FieldList
          fields={[
            { label: t("items.owner"), value: item.ownerName ?? <span className="text-slate-500">{t("items.unassigned")}</span> },
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
                <span className="text-slate-400">{t("items.noDue")}</span>
              ),
            },
            { label: t("items.nodes"), value: <NodeChips nodes={item.nodes} locale={locale} empty={t("items.noNodes")} /> },
            {
              label: t("items.updatedAt"),
              value: <time dateTime={isoDateTime(item.updatedAt)}>{formatDateTime(item.updatedAt, locale)}</time>,
            },
          ]}
        />
      </section>

      <section aria-labelledby="item-description" className="space-y-2">
        <h2 id="item-description" className="text-lg font-semibold">
          {t("items.description")}
        </h2>
        {item.description ? (
          <div className="rounded-lg border border-slate-200 bg-white px-5 py-4">
            <RichText doc={item.description} unavailableLabel={t("editor.unavailable")} />
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t("items.noDescription")}</p>
        )}
      </section>

      <CommentSection targetType="response_item" targetId={item.id} />
      <EntityHistory entityType="response_item" entityId={item.id} />
    </article>
  );
}
