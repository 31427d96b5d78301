import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { MarkProps, NodeProps } from "@tiptap/static-renderer";
import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import type { ReactNode } from "react";
import { extensions, isSafeLinkHref, LINK_REL } from "@/lib/editor/extensions";
import { validateRichTextDoc } from "@/lib/editor/validate";

type Children = ReactNode | ReactNode[];

// Our own output for the nodes and marks whose default HTML we do not want: links always get a
// safe rel and open in a new tab; tables scroll on narrow screens; cells carry spans only.
export const nodeMapping = {
  table: ({ node, children }: NodeProps<ProseMirrorNode, Children>) => {
    const rows = ([] as ReactNode[]).concat(children);
    // A first row made only of header cells becomes the table's <thead>.
    const first = node.firstChild;
    let headerRow = first !== null && first.childCount > 0;
    first?.forEach((cell) => {
      if (cell.type.name !== "tableHeader") headerRow = false;
    });
    return (
      <div className="rich-text-table" tabIndex={0}>
        <table>
          {headerRow ? <thead>{rows[0]}</thead> : null}
          <tbody>{headerRow ? rows.slice(1) : rows}</tbody>
        </table>
      </div>
    );
  },
  tableHeader: ({ node, children }: NodeProps<ProseMirrorNode, Children>) => (
    <th colSpan={spanOf(node.attrs.colspan)} rowSpan={spanOf(node.attrs.rowspan)}>
      {children}
    </th>
  ),
  tableCell: ({ node, children }: NodeProps<ProseMirrorNode, Children>) => (
    <td colSpan={spanOf(node.attrs.colspan)} rowSpan={spanOf(node.attrs.rowspan)}>
      {children}
    </td>
  ),
  mention: ({ node }: NodeProps<ProseMirrorNode, Children>) => (
    <span className="mention" data-user-id={String(node.attrs.id ?? "")}>
      @{String(node.attrs.label ?? node.attrs.id ?? "")}
    </span>
  ),
};

export const markMapping = {
  link: ({ mark, children }: MarkProps<Mark, Children, ProseMirrorNode>) =>
    isSafeLinkHref(mark.attrs.href) ? (
      <a href={mark.attrs.href} rel={LINK_REL} target="_blank">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

function spanOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 1 ? value : undefined;
}

type RichTextProps = {
  /** Tiptap JSON, as stored. It is validated again here: nothing unchecked reaches the page. */
  doc: unknown;
  /** Language of the content (not of the interface): the brief is Korean whatever the UI says. */
  lang?: string;
  /** Shown instead when the document does not pass validation. */
  unavailableLabel: string;
  className?: string;
};

/**
 * A rich-text document rendered read-only on the server, from the same extension list the editor
 * and the validator use. React elements only: no HTML strings, no client JavaScript.
 */
export function RichText({ doc, lang = "ko", unavailableLabel, className }: RichTextProps) {
  const result = validateRichTextDoc(doc);
  if (!result.ok) {
    console.error(`[rich-text] refused to render a document: ${result.code} (${result.detail})`);
    return (
      <p lang={lang} className="text-sm text-slate-500 italic">
        {unavailableLabel}
      </p>
    );
  }
  const content = renderToReactElement({
    content: result.node,
    extensions,
    options: { nodeMapping, markMapping },
  });
  return (
    <div lang={lang} className={["rich-text", className].filter(Boolean).join(" ")}>
      {content}
    </div>
  );
}
