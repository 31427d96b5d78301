import type { MessageKey } from "../i18n/catalog";
import type { Role } from "../vocab";

/** The catalog message naming each role (the shared vocabulary's, so every screen agrees). */
export const roleLabel = {
  admin: "vocab.role.admin",
  editor: "vocab.role.editor",
  viewer: "vocab.role.viewer",
} as const satisfies Record<Role, MessageKey>;

/** Dates and times as the team reads them: Korean time, in the interface language. */
export function formatDateTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "ko-KR", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Seoul",
  }).format(date);
}

export function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "ko-KR", { dateStyle: "medium", timeZone: "Asia/Seoul" }).format(date);
}
