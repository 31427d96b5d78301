import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { ReactNode } from "react";
import { isSafeLinkHref, LINK_REL } from "@/lib/editor/extensions";
import { validateRichTextDoc } from "@/lib/editor/validate";
import { RichText } from "./rich-text";

/**
 * A fast server renderer for short notes (annotation bodies, many per page): the common nodes
 * and marks as plain React elements, validated like RichText. A document with anything else
 * (tables, code blocks…) goes to RichText. The static renderer resolves the whole extension
 * list on every call, which cost ~20 ms per note: 500 notes took seconds.
 */
const blocks: Record<string, string> = {
  paragraph: "p",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  blockquote: "blockquote",
};

function supported(node: ProseMirrorNode): boolean {
  let ok = true;
  node.descendants((child) => {
    const name = child.type.name;
    if (!(name in blocks) && name !== "text" && name !== "hardBreak" && name !== "mention" && name !== "heading") ok = false;
    for (const mark of child.marks) if (!["bold", "italic", "link", "strike", "code"].includes(mark.type.name)) ok = false;
    return ok;
  });
  return ok;
}

function withMark(mark: Mark, child: ReactNode, key: number): ReactNode {
  switch (mark.type.name) {
    case "bold":
      return <strong key={key}>{child}</strong>;
    case "italic":
      return <em key={key}>{child}</em>;
    case "strike":
      return <s key={key}>{child}</s>;
    case "code":
      return <code key={key}>{child}</code>;
    case "link":
      return isSafeLinkHref(mark.attrs.href) ? (
        <a key={key} href={mark.attrs.href} rel={LINK_REL} target="_blank">
          {child}
        </a>
      ) : (
        <span key={key}>{child}</span>
      );
    default:
      return child;
  }
}

function render(node: ProseMirrorNode, key: number): ReactNode {
  const name = node.type.name;
  if (node.isText) return node.marks.reduce<ReactNode>((acc, mark) => withMark(mark, acc, key), node.text ?? "");
  if (name === "hardBreak") return <br key={key} />;
  if (name === "mention") {
    return (
      <span key={key} className="mention" data-user-id={String(node.attrs.id ?? "")}>
        @{String(node.attrs.label ?? node.attrs.id ?? "")}
      </span>
    );
  }
  const children: ReactNode[] = [];
  node.forEach((child, _offset, index) => children.push(render(child, index)));
  if (name === "heading") {
    const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1));
    const Tag = `h${level}` as "h1";
    return <Tag key={key}>{children}</Tag>;
  }
  const Tag = blocks[name] as "p";
  return <Tag key={key}>{children}</Tag>;
}

export function LightRichText({ doc, lang = "ko", unavailableLabel, className }: { doc: unknown; lang?: string; unavailableLabel: string; className?: string }) {
  const result = validateRichTextDoc(doc);
  if (!result.ok || !supported(result.node)) return <RichText doc={doc} lang={lang} unavailableLabel={unavailableLabel} className={className} />;
  const children: ReactNode[] = [];
  result.node.forEach((child, _offset, index) => children.push(render(child, index)));
  return (
    <div lang={lang} className={["rich-text", className].filter(Boolean).join(" ")}>
      {children}
    </div>
  );
}
