import Link from "next/link";
import { CommentSection } from "@/components/comments/comment-section";
import { LightRichText } from "@/components/rich-text/light-rich-text";
import { MANUAL_ANCHOR } from "@/lib/annotations/anchoring";
import type { AnnotationView } from "@/lib/annotations/queries";
import type { EditorLabels } from "@/lib/editor/labels";
import { formatDateTime, isoDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/vocab";
import type { Mentionable } from "@/components/editor/tiptap-editor";
import { quotePreview } from "./quote-preview";
import { ReattachButton } from "./reattach";
import { type LinkOptions, type ThreadActions, ThreadControls, type ThreadControlLabels } from "./thread-controls";

export type ThreadContext = {
  t: Translate;
  locale: Locale;
  viewerId: string;
  canEdit: boolean;
  activeId: string | null;
  /** Annotation id → the short key its highlights carry in `data-a` (and its thread in `data-k`). */
  keyOf: Map<string, string>;
  /** The page the margin is on (`/brief`, or an earlier revision's), for the threads' links. */
  basePath: string;
  actions: ThreadActions | null;
  controlLabels: ThreadControlLabels;
  editorLabels: EditorLabels;
  mentionables: Mentionable[];
  linkOptions: LinkOptions;
};

const QUOTE_PREVIEW = 160;

/** The summary line of a thread: the quote and its meta (author, date, status, tags, replies). */
// A plain function, not a component: called for hundreds of closed cards, it adds host elements
// only, where a component per card costs its own row in the RSC payload.
function threadSummary(a: AnnotationView, ctx: ThreadContext, full = false) {
  const { t, locale } = ctx;
  // A closed card shows two lines of the quote: no need to send a long passage whole.
  const quote = full ? a.selector.quote : quotePreview(a.selector.quote, QUOTE_PREVIEW);
  return (
    <>
      <q lang="ko" className="thread-quote">
        {quote}
      </q>
      <span className="thread-meta">
        <span className="thread-author">{a.authorName}</span>
        <time dateTime={isoDateTime(a.createdAt)}>{formatDateTime(a.createdAt, locale)}</time>
        <span className={a.status === "open" ? "tb tb-amber" : "tb tb-green"}>{t(a.status === "open" ? "annotations.statusBadgeOpen" : "annotations.statusBadgeResolved")}</span>
        {a.isPrivate ? <span className="tb tb-violet">{t("annotations.privateBadge")}</span> : null}
        {a.orphaned ? <span className="tb tb-red">{t("annotations.orphanedBadge")}</span> : null}
        {a.tags.map((tag) => (
          <span key={tag} className="tb tb-blue">{`#${tag}`}</span>
        ))}
        {a.replyCount > 0 ? <span>{t("annotations.replies", { count: a.replyCount })}</span> : null}
      </span>
    </>
  );
}

/**
 * One annotation's thread in the margin. Only the open thread (`?annotation=<id>`, server-rendered)
 * carries its body, controls and replies; every other thread is its summary line, a link that
 * opens it, so a brief with hundreds of annotations stays light.
 */
export function AnnotationThread({ annotation: a, ctx }: { annotation: AnnotationView; ctx: ThreadContext }) {
  return ctx.activeId === a.id ? <OpenThread annotation={a} ctx={ctx} /> : threadCard(a, ctx);
}

/**
 * A closed thread: its summary as a plain link (no client component per thread); the annotator
 * turns its click into a client-side navigation once the page is interactive. A plain function
 * for the same reason as `threadSummary`.
 */
export function threadCard(a: AnnotationView, ctx: ThreadContext) {
  return (
    <div id={`annotation-${a.id}`} data-k={ctx.keyOf.get(a.id)} className="thread-card">
      <a href={`${ctx.basePath}?annotation=${a.id}`} className="thread-link">
        {threadSummary(a, ctx)}
      </a>
      {reattachButton(a, ctx)}
    </div>
  );
}

/** An orphan's "Re-attach", for its author (whom alone the server lets re-attach it). */
function reattachButton(a: AnnotationView, ctx: ThreadContext) {
  if (!a.orphaned || !ctx.canEdit || !ctx.actions || a.authorId !== ctx.viewerId) return null;
  return (
    <div className="mt-2">
      <ReattachButton annotation={{ id: a.id, version: a.version, quote: quotePreview(a.selector.quote, QUOTE_PREVIEW) }} />
    </div>
  );
}

function OpenThread({ annotation: a, ctx }: { annotation: AnnotationView; ctx: ThreadContext }) {
  const { t, locale } = ctx;
  const permalink = `${ctx.basePath}?annotation=${a.id}`;
  return (
    <details
      id={`annotation-${a.id}`}
      data-k={ctx.keyOf.get(a.id)}
      open
      className="group scroll-mt-4 rounded-lg border border-slate-200 bg-white open:border-amber-300 open:shadow-sm"
    >
      <summary className="cursor-pointer list-none space-y-1 px-3 py-2">
        {threadSummary(a, ctx, true)}
      </summary>
      <div className="space-y-3 border-t border-slate-100 px-3 py-3">
        {a.orphaned ? (
          <p className="text-xs text-slate-500">
            {t("annotations.madeOn", { number: a.madeOnRevision })}
            {a.method === "over_budget" ? <> · {t("annotations.needsReview")}</> : null}
          </p>
        ) : a.method === MANUAL_ANCHOR ? (
          <p className="text-xs text-slate-500">{t("annotations.placedManually")}</p>
        ) : a.method === "fuzzy" || a.method === "position" ? (
          <p className="text-xs text-slate-500">{t("annotations.placedFuzzy")}</p>
        ) : null}
        {reattachButton(a, ctx)}
        <LightRichText doc={a.body} lang={locale} unavailableLabel={t("editor.unavailable")} className="text-sm" />
        <p className="text-xs text-slate-500">
          {a.editedAt ? <span>({t("annotations.edited")}) </span> : null}
          {a.resolvedByName ? <span>{t("annotations.resolvedBy", { name: a.resolvedByName })} </span> : null}
          <Link href={permalink}>{t("annotations.permalink")}</Link>
        </p>
        {a.links.length ? (
          <div className="text-sm">
            <h3 className="text-xs font-medium text-slate-600">{t("annotations.links")}</h3>
            <ul className="list-disc pl-5">
              {a.links.map((l) => (
                <li key={`${l.targetType}:${l.targetId}`}>
                  <Link href={l.targetType === "policy" ? `/policies/${l.targetId}` : `/response-items/${l.targetId}`}>{l.title}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {ctx.canEdit && ctx.actions ? (
          <ThreadControls
            annotation={{ id: a.id, version: a.version, status: a.status, isPrivate: a.isPrivate, body: a.body ?? { type: "doc", content: [] }, tags: a.tags }}
            isAuthor={a.authorId === ctx.viewerId}
          />
        ) : null}
        {/* Replies load for the open thread only: one thread's queries, not one per annotation. */}
        <CommentSection targetType="annotation" targetId={a.id} compact />
      </div>
    </details>
  );
}
