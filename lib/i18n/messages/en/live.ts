import type { Catalog } from "../../types";
import type { live as ko } from "../ko/live";

/** Live collaboration: merging a conflicting save, local drafts, who else is editing. */
export const live = {
  conflictTitle: "{name} saved this at {time}, after you opened it.",
  conflictSomeone: "Someone else saved this after you opened it.",
  conflictMerged: "Every change that does not overlap is merged into the form. Check it before saving.",
  conflictFields: "You both changed these fields. Choose for each, or edit it, then save again.",
  conflictNone: "Your changes do not overlap. Check the form, then save again.",
  started: "Started from",
  mine: "Yours",
  theirs: "Theirs",
  keepMine: "Keep mine",
  takeTheirs: "Take theirs",
  settled: "Settled",
  empty: "(empty)",
  docBoth: "Where you both changed a paragraph, the editor holds both versions (yours first). Keep what should stay.",
  briefMerged: "Revision {number} was published meanwhile. Changes that do not overlap are merged: check, then publish again.",
  briefBoth: "You both changed the same paragraphs. The editor holds both versions (yours first): keep what should stay, then publish again.",
  staleChoice: "{name} changed it first. It is now: {value}. Send again to apply your choice.",
  draftRestored: "Your unsent draft was restored.",
  draftDiscard: "Discard draft",
  editingOthers: "Also editing: {names}",
  savedByOther: "{name} just saved. If you save, both changes are shown side by side to merge.",
  signedOut: "Your session has ended. What you typed on this page is still here: sign in again in another tab, then carry on.",
  signInElsewhere: "Sign in in another tab",
  paused: "Live updates are paused in this window: too many windows are open. They resume when you close some.",
  someone: "Someone",
} as const satisfies Catalog<typeof ko>;
