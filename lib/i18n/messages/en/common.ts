import type { Catalog } from "../../types";
import type { common as ko } from "../ko/common";

export const common = {
  appName: "Policy Desk",
  skipToContent: "Skip to content",
  loading: "Loading…",
  save: "Save",
  cancel: "Cancel",
  pageOf: "Page {page} of {pages}",
  prevPage: "Previous",
  nextPage: "Next",
  retry: "Try again",
  backHome: "Go home",
  notFoundTitle: "Page not found",
  notFoundBody: "The address changed or the item was deleted.",
  errorTitle: "Something went wrong",
  errorBody: "We could not handle the request. Please try again in a moment.",
  errorReference: "Error reference: {digest}",
  forbidden: "You do not have permission to do this.",
  unauthenticated: "Please sign in.",
  invalidInput: "Please check what you entered.",
  conflict: "Someone else saved first. Review the latest version, then save again.",
  language: "Language",
  languageKo: "한국어",
  languageEn: "English",
  networkError: "The server could not be reached. What you typed is still here: check the connection and send it again.",
} as const satisfies Catalog<typeof ko>;
