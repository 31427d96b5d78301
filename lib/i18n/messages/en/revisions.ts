import type { Catalog } from "../../types";
import type { revisions as ko } from "../ko/revisions";

export const revisions = {
  title: "Revisions",
  intro: "Every revision of the brief. Earlier revisions stay readable with their annotations.",
  number: "Revision {number}",
  current: "Current",
  note: "Note",
  author: "Author",
  date: "Published",
  noNote: "No note",
  read: "Read",
  compare: "Compare with previous",
  compareTitle: "Revision {from} → {to}",
  compareIntro: "The text compared word by word. Removed text is struck through, added text underlined.",
  added: "Added",
  removed: "Removed",
  noChanges: "No text changed (only formatting may have).",
  readOnly: "An earlier revision (read-only). Annotations are shown where they sat on it.",
  backToCurrent: "Back to the current revision",
  history: "Revisions",
  editTitle: "New revision",
  editIntro: "Edit the text, say what you changed, and publish. Existing annotations are re-placed on the new text; those that cannot be placed are listed separately.",
  doc: "Text",
  noteLabel: "Revision note",
  publish: "Publish revision",
  publishing: "Publishing…",
  published: "Revision {number} published. {anchored} {anchored, plural, one {annotation} other {annotations}} re-placed, {orphaned} lost {orphaned, plural, one {its} other {their}} place.",
  publishedPassages:
    "Passages cited by policies, items and framework nodes: {placed} re-placed, {orphaned} lost. {needsReview} {needsReview, plural, one {annotation was} other {annotations were}} left for review (too costly to search).",
  "error.conflict": "Someone published a new revision meanwhile. Reload to work on the latest text.",
} as const satisfies Catalog<typeof ko>;
