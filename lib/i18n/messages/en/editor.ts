import type { Catalog } from "../../types";
import type { editor as ko } from "../ko/editor";

export const editor = {
  "toolbar.toolbar": "Formatting",
  "toolbar.bold": "Bold",
  "toolbar.italic": "Italic",
  "toolbar.bulletList": "Bulleted list",
  "toolbar.orderedList": "Numbered list",
  "toolbar.link": "Link",
  "toolbar.linkPrompt": "Link address (https://…). Leave empty to remove the link.",
  "toolbar.linkInvalid": "Links must be http(s) or mailto addresses.",
  "toolbar.noMatches": "No matching members",
  "error.not_a_document": "This is not a valid document.",
  "error.too_large": "The document is too large (200 KB at most).",
  "error.too_deep": "Lists or quotes are nested too deeply.",
  "error.unknown_node": "The document contains an unsupported element.",
  "error.unknown_mark": "The document contains unsupported formatting.",
  "error.unsafe_link": "Links must be http(s) or mailto addresses.",
  "error.invalid_mention": "A mentioned user could not be identified.",
  "error.invalid_structure": "The document's structure is not valid.",
  unavailable: "This content cannot be displayed.",
} as const satisfies Catalog<typeof ko>;
