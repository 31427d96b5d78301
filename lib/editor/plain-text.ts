import type { JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { RichTextDoc } from "../../db/schema/brief";
import { richTextSchema } from "./extensions";

/**
 * The plain text of a document is what annotation selectors count in, so its rules are fixed:
 *
 * - sibling blocks are separated by "\n" (paragraphs, headings, list items, the blocks of a
 *   cell, and the rows of a table);
 * - the cells of a table row are separated by "\t";
 * - inline content is its text; a hard break is "\n"; a mention is "@" + its label (else its id);
 * - nothing else is added: no list markers, no leading or trailing separators.
 *
 * Offsets are UTF-16 code units (JavaScript string indices), like ProseMirror positions.
 */
export type PlainTextSegment = {
  /** Offsets of this inline piece in the plain text, [start, end). */
  start: number;
  end: number;
  /** Its ProseMirror positions in the document, [from, to). */
  from: number;
  to: number;
};

export type PlainTextMap = { text: string; segments: PlainTextSegment[] };

type Source = RichTextDoc | JSONContent | ProseMirrorNode;

function toNode(doc: Source): ProseMirrorNode {
  return doc instanceof ProseMirrorNode ? doc : richTextSchema().nodeFromJSON(doc);
}

function inlineText(node: ProseMirrorNode): string {
  if (node.isText) return node.text ?? "";
  switch (node.type.name) {
    case "hardBreak":
      return "\n";
    case "mention":
      return `@${node.attrs.label ?? node.attrs.id ?? ""}`;
    default:
      return "";
  }
}

/** The plain text of `doc` and where each inline piece of it sits in the document. */
export function plainTextWithMap(doc: Source): PlainTextMap {
  const parts: string[] = [];
  const segments: PlainTextSegment[] = [];
  let length = 0;

  const push = (text: string) => {
    parts.push(text);
    length += text.length;
  };

  // `contentStart` is the position of the first child of `node`.
  const visit = (node: ProseMirrorNode, contentStart: number) => {
    if (node.inlineContent) {
      node.forEach((child, offset) => {
        const text = inlineText(child);
        const from = contentStart + offset;
        segments.push({ start: length, end: length + text.length, from, to: from + child.nodeSize });
        push(text);
      });
      return;
    }
    const separator = node.type.spec.tableRole === "row" ? "\t" : "\n";
    node.forEach((child, offset, index) => {
      if (index > 0) push(separator);
      visit(child, contentStart + offset + 1);
    });
  };

  visit(toNode(doc), 0);
  return { text: parts.join(""), segments };
}

/** The plain text of `doc` (see the rules above). */
export function plainTextOf(doc: Source): string {
  return plainTextWithMap(doc).text;
}
