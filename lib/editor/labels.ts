import type { Translate } from "../i18n/catalog";

/** The editor's own words, translated on the server and handed to the client editor. */
export type EditorLabels = {
  toolbar: string;
  bold: string;
  italic: string;
  bulletList: string;
  orderedList: string;
  link: string;
  linkPrompt: string;
  linkInvalid: string;
  noMatches: string;
};

export function editorLabels(t: Translate): EditorLabels {
  return {
    toolbar: t("editor.toolbar.toolbar"),
    bold: t("editor.toolbar.bold"),
    italic: t("editor.toolbar.italic"),
    bulletList: t("editor.toolbar.bulletList"),
    orderedList: t("editor.toolbar.orderedList"),
    link: t("editor.toolbar.link"),
    linkPrompt: t("editor.toolbar.linkPrompt"),
    linkInvalid: t("editor.toolbar.linkInvalid"),
    noMatches: t("editor.toolbar.noMatches"),
  };
}
