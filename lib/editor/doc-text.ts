import type { RichTextDoc } from "../../db/schema/brief";

type JsonNode = { type?: string; text?: string; content?: JsonNode[]; attrs?: { label?: string } };

/**
 * A short, readable text of a document for showing it in a line (a conflict's "yours / theirs"),
 * without loading the editor's schema: block texts joined by " ¶ ". Not the anchoring text
 * (that is lib/editor/plain-text).
 */
export function plainTextOfDoc(doc: RichTextDoc | null | undefined, max = 400): string {
  const blocks: string[] = [];
  const inline = (node: JsonNode): string =>
    node.type === "text" ? (node.text ?? "") : node.type === "mention" ? `@${node.attrs?.label ?? ""}` : (node.content ?? []).map(inline).join("");
  for (const block of (doc?.content ?? []) as JsonNode[]) {
    const text = inline(block).trim();
    if (text) blocks.push(text);
  }
  const all = blocks.join(" ¶ ");
  return all.length > max ? `${all.slice(0, max)}…` : all;
}
