import { translator } from "../i18n/catalog";
import type { Locale } from "../vocab";
import type { MailContent } from "./compose";

/** The mail with a password reset link (asked for on the sign-in page, or issued by an admin). */
export function passwordResetMail(locale: Locale, link: string, issuedBy: string | null): MailContent {
  const t = translator(locale);
  return {
    subject: t("mail.resetSubject"),
    heading: t("mail.resetHeading"),
    paragraphs: [issuedBy ? t("mail.resetByAdmin", { name: issuedBy }) : t("mail.resetBody"), t("mail.resetExpiry"), t("mail.resetIgnore")],
    action: { label: t("mail.resetAction"), href: link },
  };
}

/** The mail with an invitation link, in the inviting admin's language (the invitee has none yet). */
export function invitationMail(locale: Locale, link: string, invitedBy: string, expires: string): MailContent {
  const t = translator(locale);
  return {
    subject: t("mail.inviteSubject"),
    heading: t("mail.inviteHeading"),
    paragraphs: [t("mail.inviteBody", { name: invitedBy }), t("mail.inviteExpiry", { date: expires })],
    action: { label: t("mail.inviteAction"), href: link },
  };
}
