import type { Translate } from "../i18n/catalog";
import { notificationKinds, type MailStatus, type NotificationKind } from "../vocab";

/** What kind of mail a log row is, in words: a notification kind's name, else the code itself (`digest`, `test`, `password_reset`). */
export function mailKindLabel(t: Translate, kind: string): string {
  if ((notificationKinds as readonly string[]).includes(kind)) return t(`vocab.notificationKind.${kind as NotificationKind}`);
  return kind === "digest" ? t("mail.digestKind") : kind;
}

export function mailStatusLabel(t: Translate, status: MailStatus): string {
  return t(`mail.status.${status}`);
}
