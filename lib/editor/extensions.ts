import { type AnyExtension, getSchema } from "@tiptap/core";
import { Mention, type MentionOptions } from "@tiptap/extension-mention";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import type { Schema } from "@tiptap/pm/model";
import { StarterKit } from "@tiptap/starter-kit";

/** URL schemes a link may use; anything else (javascript:, data:, relative URLs…) is refused. */
export const ALLOWED_LINK_PROTOCOLS = ["http:", "https:", "mailto:"] as const;
export const MAX_LINK_LENGTH = 2048;

/** The `rel` every rendered link carries, whatever the stored mark says. */
export const LINK_REL = "noopener noreferrer nofollow";

/**
 * True when `href` is an absolute http(s) or mailto URL. Parsed with WHATWG URL rules, the same
 * ones browsers apply, so tricks such as "java\tscript:" or leading control characters are judged
 * as the browser would see them.
 */
export function isSafeLinkHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length === 0 || href.length > MAX_LINK_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol);
}

export type ExtensionOptions = {
  /** The editor passes its suggestion UI here; the schema does not depend on it. */
  mention?: Partial<MentionOptions>;
};

/**
 * THE extension list: the editor, the static renderer and server-side validation all build from
 * it, so a document the editor can produce is exactly a document the server accepts.
 */
export function createExtensions(options: ExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: [],
        isAllowedUri: (url) => isSafeLinkHref(url),
        HTMLAttributes: { rel: LINK_REL, target: "_blank" },
      },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Mention.configure({ HTMLAttributes: { class: "mention" }, ...options.mention }),
  ];
}

/** The shared list with default options (what the server validates and renders with). */
export const extensions: AnyExtension[] = createExtensions();

let schema: Schema | undefined;

/** The ProseMirror schema of `extensions`, built once per process. */
export function richTextSchema(): Schema {
  schema ??= getSchema(extensions);
  return schema;
}
