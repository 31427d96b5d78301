import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { NodeProps } from "@tiptap/static-renderer";
import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import type { ReactNode } from "react";
import { markMapping, nodeMapping } from "@/components/rich-text/rich-text";
import { type HighlightRange, splitRun } from "@/lib/annotations/highlights";
import { extensions } from "@/lib/editor/extensions";
import { plainTextWithMap } from "@/lib/editor/plain-text";
import { validateRichTextDoc } from "@/lib/editor/validate";

type Children = ReactNode | ReactNode[];

const CITED = "\u0000cited";

/**
 * A revision rendered read-only on the server with its highlights. Every inline piece is a
 * `<span data-o>` or `<mark data-o data-a>` carrying its start offset in the revision's plain
 * text, so the browser maps a selection to offsets without re-deriving the text, and overlapping
 * highlights are flat pieces listing every annotation that covers them. The ids are whatever
 * the caller passes: the brief passes short per-page keys, since hundreds of overlapping
 * highlights would otherwise repeat their UUIDs on every piece (and again in the RSC payload).
 */
export function AnnotatedText({
  doc,
  ranges,
  lang = "ko",
  unavailableLabel,
  cited = null,
}: {
  doc: unknown;
  ranges: HighlightRange[];
  lang?: string;
  unavailableLabel: string;
  /** A passage opened from a policy ("show in the brief"): marked, its first piece `#cited-passage`. */
  cited?: { start: number; end: number } | null;
}) {
  const result = validateRichTextDoc(doc);
  if (!result.ok) {
    return (
      <p lang={lang} className="text-sm text-slate-500 italic">
        {unavailableLabel}
      </p>
    );
  }
  // The cited passage cuts the runs like a highlight; its id never reaches the markup.
  const sorted = [...ranges, ...(cited ? [{ id: CITED, start: cited.start, end: cited.end }] : [])].sort((a, b) => a.start - b.start);
  // Inline node → its start offset in the plain text (by position, then by node identity).
  const segments = plainTextWithMap(result.node).segments;
  const startAt = new Map(segments.map((s) => [s.from, s.start]));
  // The first character of the cited passage that is on screen carries the id the link scrolls to.
  const firstCited = cited ? segments.find((s) => s.end > cited.start && s.start < cited.end) : undefined;
  const citedAnchorAt = cited && firstCited ? Math.max(firstCited.start, cited.start) : -1;
  const offsets = new Map<ProseMirrorNode, number>();
  result.node.descendants((node, pos) => {
    if (!node.isInline) return true;
    const start = startAt.get(pos);
    if (start !== undefined) offsets.set(node, start);
    return false;
  });

  const pieces = (node: ProseMirrorNode, text: string) => {
    const start = offsets.get(node) ?? 0;
    return splitRun(start, start + text.length, sorted).map((piece) => {
      const ids = piece.ids.filter((id) => id !== CITED);
      const isCited = ids.length < piece.ids.length;
      const anchor = isCited && piece.start === citedAnchorAt ? "cited-passage" : undefined;
      const words = text.slice(piece.start - start, piece.end - start);
      // Only the props a piece has: hundreds of pieces, and each absent prop would still be sent.
      const id = anchor ? { id: anchor } : {};
      const cite = isCited ? { "data-cited": "" } : {};
      if (ids.length > 0) {
        return (
          <mark key={piece.start} {...id} data-o={piece.start} data-a={ids.join(" ")} {...cite}>
            {words}
          </mark>
        );
      }
      return isCited ? (
        <mark key={piece.start} {...id} data-o={piece.start} data-cited="">
          {words}
        </mark>
      ) : (
        <span key={piece.start} data-o={piece.start}>
          {words}
        </span>
      );
    });
  };

  const content = renderToReactElement({
    content: result.node,
    extensions,
    options: {
      nodeMapping: {
        ...nodeMapping,
        text: ({ node }: NodeProps<ProseMirrorNode, Children>) => <>{pieces(node, node.text ?? "")}</>,
        mention: ({ node }: NodeProps<ProseMirrorNode, Children>) => (
          <span className="mention" data-user-id={String(node.attrs.id ?? "")}>
            {pieces(node, `@${String(node.attrs.label ?? node.attrs.id ?? "")}`)}
          </span>
        ),
      },
      markMapping,
    },
  });
  return (
    <div lang={lang} className="rich-text annotated">
      {content}
    </div>
  );
}
