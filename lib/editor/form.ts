import { z } from "zod";
import type { RichTextDoc } from "../../db/schema/brief";
import { validateRichTextDoc } from "./validate";

/** True for a document with no text and no mentions (an untouched editor). */
export function isEmptyDoc(doc: RichTextDoc): boolean {
  const stack: unknown[] = [...(doc.content ?? [])];
  while (stack.length) {
    const node = stack.pop() as { type?: string; text?: string; content?: unknown[] };
    if (node.type === "mention" || (node.type === "text" && node.text?.trim())) return false;
    if (node.content) stack.push(...node.content);
  }
  return true;
}

function parse(value: unknown, ctx: z.RefinementCtx): RichTextDoc | null {
  let json = value;
  if (typeof value === "string") {
    if (value.trim() === "") return null;
    // The size limit applies before parsing, so a huge body costs no JSON.parse.
    if (value.length > 2_000_000) {
      ctx.addIssue({ code: "custom", message: "editor.error.too_large" });
      return z.NEVER;
    }
    try {
      json = JSON.parse(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "editor.error.not_a_document" });
      return z.NEVER;
    }
  }
  if (json === null || json === undefined) return null;
  const result = validateRichTextDoc(json);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: `editor.error.${result.code}` });
    return z.NEVER;
  }
  return isEmptyDoc(result.doc) ? null : result.doc;
}

/**
 * A rich-text form field: the editor posts its Tiptap JSON as a string (or a caller passes the
 * object). Validated against the shared extension list; an empty document becomes null.
 */
export const optionalRichText = z.unknown().transform(parse);

/** Like `optionalRichText`, but an empty document is refused. */
export const requiredRichText = z
  .unknown()
  .transform(parse)
  .pipe(z.custom<RichTextDoc>((doc) => doc !== null, { message: "validation.required" }));
