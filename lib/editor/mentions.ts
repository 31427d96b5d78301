import type { RichTextDoc } from "../../db/schema/brief";

/** The distinct user ids mentioned in a document (mention nodes' `id`), in order of appearance. */
export function mentionedUserIds(doc: RichTextDoc | null | undefined): string[] {
  if (!doc) return [];
  const ids: string[] = [];
  const stack: unknown[] = [doc];
  while (stack.length) {
    const node = stack.shift() as { type?: string; attrs?: { id?: unknown }; content?: unknown[] };
    if (node.type === "mention" && typeof node.attrs?.id === "string" && !ids.includes(node.attrs.id)) ids.push(node.attrs.id);
    if (node.content) stack.unshift(...node.content);
  }
  return ids;
}
