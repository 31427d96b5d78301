import { RichText } from "@/components/rich-text/rich-text";
import { LiveTopic } from "@/components/live/live-topic";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { listCommentThreads, listMentionables, type CommentView } from "@/lib/comments/queries";
import { editorLabels } from "@/lib/editor/labels";
import { formatDateTime, isoDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import type { CommentTarget } from "@/lib/vocab";
import { CommentControls, type CommentControlLabels } from "./comment-controls";
import { CommentForm } from "./comment-form";
import { CommentHighlighter } from "./comment-highlighter";

/** Threads shown at first (the newest); the earlier ones are one link away. */
export const COMMENT_THREADS = 20;

type Props = {
  targetType: CommentTarget;
  targetId: string;
  compact?: boolean;
  /** The page with every thread (`?comments=all`); without it, every thread is shown. */
  allHref?: string;
  /** The page was asked for every thread. */
  showAll?: boolean;
};

/**
 * The comment thread of an annotation, a policy or a response item: comments with one level of
 * replies, and for members who may comment, the forms to comment, reply, edit and delete. Each
 * comment is `#comment-<id>` (highlighted when the address points at it). A long discussion shows
 * its newest threads, the earlier ones behind one link (followed by itself when the address points
 * at one of them). The page refreshes live when someone else comments here.
 */
export async function CommentSection({ targetType, targetId, compact = false, allHref, showAll = false }: Props) {
  const actor = await getActor();
  if (!actor) return null;
  const writer = can(actor.role, "comments.write");
  const [t, locale, threads, mentionables] = await Promise.all([
    getT(),
    getLocale(),
    listCommentThreads(targetType, targetId),
    writer ? listMentionables() : Promise.resolve([]),
  ]);
  const labels = editorLabels(t);
  const headingId = `comments-${targetId}`;
  const hidden = allHref && !showAll ? Math.max(0, threads.length - COMMENT_THREADS) : 0;
  const earlierHref = hidden > 0 ? allHref : undefined;
  const controlLabels = (name: string): CommentControlLabels => ({
    reply: t("comments.reply"),
    replyLabel: t("comments.replyLabel", { name }),
    postReply: t("comments.postReply"),
    edit: t("comments.edit"),
    editLabel: t("comments.editLabel"),
    saveEdit: t("comments.saveEdit"),
    cancel: t("comments.cancel"),
    delete: t("comments.delete"),
    deleteConfirm: t("comments.deleteConfirm"),
    pending: t("comments.posting"),
  });

  const renderComment = (comment: CommentView) => (
    <article id={`comment-${comment.id}`} className="comment scroll-mt-20 rounded-md px-3 py-2">
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium text-slate-900">{comment.authorName}</span>
        <a href={`#comment-${comment.id}`} className="text-xs text-slate-500 tabular-nums no-underline hover:underline">
          <time dateTime={isoDateTime(comment.createdAt)}>{formatDateTime(comment.createdAt, locale)}</time>
        </a>
        {comment.editedAt && !comment.deleted ? (
          <span className="text-xs text-slate-500" title={formatDateTime(comment.editedAt, locale)}>
            ({t("comments.edited")})
          </span>
        ) : null}
      </header>
      {comment.body ? (
        <RichText doc={comment.body} unavailableLabel={t("editor.unavailable")} className="mt-1 text-sm" />
      ) : (
        <p className="mt-1 text-sm text-slate-500 italic">{t("comments.deleted")}</p>
      )}
      {writer && !comment.deleted ? (
        <div className="mt-1">
          <CommentControls
            comment={{ id: comment.id, version: comment.version, body: comment.body }}
            target={{ targetType, targetId }}
            can={{ reply: true, edit: comment.authorId === actor.id, delete: comment.authorId === actor.id || actor.role === "admin" }}
            labels={controlLabels(comment.authorName)}
            editorLabels={labels}
            mentionables={mentionables}
          />
        </div>
      ) : null}
    </article>
  );

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <LiveTopic entityType={targetType} entityId={targetId} />
      <CommentHighlighter earlierHref={earlierHref} />
      <h2 id={headingId} className={compact ? "text-sm font-semibold" : "text-lg font-semibold"}>
        {t("comments.heading")}
        {threads.length > 0 ? <span className="ml-2 text-sm font-normal text-slate-500">{t("comments.count", { count: countOf(threads) })}</span> : null}
      </h2>
      {threads.length === 0 ? (
        <div className="text-sm">
          <p className="text-slate-600">{t("comments.empty")}</p>
          {writer && !compact ? <p className="text-slate-500">{t("comments.emptyHint")}</p> : null}
        </div>
      ) : (
        <ol className="space-y-2">
          {earlierHref ? (
            <li>
              <a href={`${earlierHref}#${headingId}`} className="text-sm">
                {t("comments.showEarlier", { count: hidden })}
              </a>
            </li>
          ) : null}
          {threads.slice(hidden).map((thread) => (
            <li key={thread.id} className="rounded-lg border border-slate-200 bg-white py-1">
              {renderComment(thread)}
              {thread.replies.length > 0 ? (
                <ol className="ml-4 space-y-1 border-l-2 border-slate-100 pl-2 sm:ml-6">
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>{renderComment(reply)}</li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {writer ? (
        <CommentForm
          mode="add"
          targetType={targetType}
          targetId={targetId}
          labels={{ field: t("comments.newComment"), submit: t("comments.post"), pending: t("comments.posting"), cancel: t("comments.cancel") }}
          editorLabels={labels}
          mentionables={mentionables}
        />
      ) : (
        <p className="text-sm text-slate-500">{t("comments.readOnly")}</p>
      )}
    </section>
  );
}

function countOf(threads: { deleted: boolean; replies: { deleted: boolean }[] }[]): number {
  return threads.reduce((n, thread) => n + (thread.deleted ? 0 : 1) + thread.replies.filter((r) => !r.deleted).length, 0);
}
