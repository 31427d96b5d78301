import type { Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import { z } from "zod";
import type { RichTextDoc } from "../../db/schema/brief";
import { isSafeLinkHref, richTextSchema } from "./extensions";

/** Largest accepted document, measured as UTF-8 bytes of its JSON. */
export const RICH_TEXT_MAX_BYTES = 200 * 1024;
/** Deepest accepted nesting (lists in tables in lists…); real documents stay far below. */
export const RICH_TEXT_MAX_DEPTH = 40;

export const richTextErrorCodes = [
  "not_a_document",
  "too_large",
  "too_deep",
  "unknown_node",
  "unknown_mark",
  "unsafe_link",
  "invalid_mention",
  "invalid_structure",
] as const;
/** Why a document was refused; stable, for the UI to translate (`editor.error_<code>`). */
export type RichTextErrorCode = (typeof richTextErrorCodes)[number];

export type RichTextValidation =
  | { ok: true; doc: RichTextDoc; node: ProseMirrorNode }
  | { ok: false; code: RichTextErrorCode; detail: string };

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const fail = (code: RichTextErrorCode, detail: string): RichTextValidation => ({ ok: false, code, detail });

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Walks the raw JSON (iteratively, so hostile nesting cannot overflow the stack). */
function checkTree(root: JsonObject, schema: Schema): RichTextValidation | null {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > RICH_TEXT_MAX_DEPTH) return fail("too_deep", `nesting deeper than ${RICH_TEXT_MAX_DEPTH}`);
    if (!isObject(node) || typeof node.type !== "string") return fail("invalid_structure", "every node needs a string `type`");
    if (!(node.type in schema.nodes)) return fail("unknown_node", `unknown node type "${node.type}"`);
    if (node.attrs !== undefined && !isObject(node.attrs)) return fail("invalid_structure", `attrs of "${node.type}" must be an object`);
    if (node.type === "text" && typeof node.text !== "string") return fail("invalid_structure", "a text node needs a string `text`");
    if (node.type === "mention") {
      const id = (node.attrs as JsonObject | undefined)?.id;
      if (typeof id !== "string" || id.length === 0) return fail("invalid_mention", "a mention needs a non-empty string id");
    }
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) return fail("invalid_structure", "marks must be an array");
      for (const mark of node.marks) {
        if (!isObject(mark) || typeof mark.type !== "string") return fail("invalid_structure", "every mark needs a string `type`");
        if (!(mark.type in schema.marks)) return fail("unknown_mark", `unknown mark type "${mark.type}"`);
        if (mark.attrs !== undefined && !isObject(mark.attrs)) return fail("invalid_structure", `attrs of "${mark.type}" must be an object`);
        if (mark.type === "link" && !isSafeLinkHref((mark.attrs as JsonObject | undefined)?.href)) {
          return fail("unsafe_link", "links must be absolute http(s) or mailto URLs");
        }
      }
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return fail("invalid_structure", `content of "${node.type}" must be an array`);
      for (const child of node.content) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Validates a Tiptap JSON document against the shared extension list: size, known nodes and
 * marks only, safe links, and ProseMirror's own content rules (`check()`). On success `doc` is
 * the normalised JSON (attributes the schema does not define are dropped, defaults filled in).
 */
export function validateRichTextDoc(input: unknown): RichTextValidation {
  if (!isObject(input) || input.type !== "doc") return fail("not_a_document", 'the top node must be {"type":"doc"}');
  // The shape first: it bounds the depth before JSON.stringify recurses into the input.
  const schema = richTextSchema();
  const treeError = checkTree(input, schema);
  if (treeError) return treeError;

  let json: string;
  try {
    json = JSON.stringify(input);
  } catch {
    return fail("not_a_document", "the document is not serialisable JSON");
  }
  const bytes = utf8Length(json);
  if (bytes > RICH_TEXT_MAX_BYTES) return fail("too_large", `${bytes} bytes exceeds ${RICH_TEXT_MAX_BYTES}`);

  let node: ProseMirrorNode;
  try {
    node = schema.nodeFromJSON(input);
    node.check();
  } catch (error) {
    return fail("invalid_structure", error instanceof Error ? error.message : String(error));
  }
  return { ok: true, doc: node.toJSON() as RichTextDoc, node };
}

/**
 * zod schema of a rich-text field: parses to the normalised document or fails with the
 * error code as the issue's message (and `params.detail` for logs).
 */
export const richTextDoc = z.unknown().transform((value, ctx): RichTextDoc => {
  const result = validateRichTextDoc(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.code, params: { code: result.code, detail: result.detail } });
    return z.NEVER;
  }
  return result.doc;
});
