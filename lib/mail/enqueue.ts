import { randomUUID } from "node:crypto";
import type { Executor } from "../../db/client";
import { mailMessages } from "../../db/schema";
import { enqueue } from "../jobs/runner";
import type { Locale } from "../vocab";
import { type MailContent, renderMail } from "./compose";
import { appBaseUrl, unsubscribeUrl } from "./links";

/** The job that hands one queued mail to SMTP (or the outbox folder). */
export const MAIL_SEND = "mail-send";

export type OutgoingMail = {
  to: string;
  locale: Locale;
  /** A notification kind, `digest`, `test`, `password_reset`, `invitation`…: shown in the mail log, and what unsubscribing turns off. */
  kind: string;
  content: MailContent;
  /** The member it is for, when there is one. */
  userId?: string | null;
  /** Offer one-click unsubscribe from `kind` (needs `userId`). Leave off for mails one asked for (password reset, a test). */
  unsubscribable?: boolean;
  /** Makes the mail once-only: a second mail with the same key is not queued. */
  dedupeKey?: string | null;
};

/**
 * Queues a mail in the caller's transaction: the outbox row and its `mail-send` job commit (or
 * roll back) with the write that caused the mail, and it is sent after commit. Returns the mail's
 * id, or null when `dedupeKey` was already queued. Usable by any feature (a password reset mail
 * to an address with no account is `{ to, locale, kind: "password_reset", content }`).
 */
export async function enqueueMail(tx: Executor, mail: OutgoingMail): Promise<string | null> {
  const id = randomUUID();
  const unsubscribe = mail.unsubscribable && mail.userId ? unsubscribeUrl(mail.userId, mail.kind) : null;
  const rendered = renderMail(mail.locale, mail.content, { unsubscribeUrl: unsubscribe });
  const [row] = await tx
    .insert(mailMessages)
    .values({
      id,
      userId: mail.userId ?? null,
      toAddress: mail.to,
      kind: mail.kind,
      locale: mail.locale,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      unsubscribeUrl: unsubscribe,
      messageId: `<${id}@${new URL(appBaseUrl()).hostname}>`,
      dedupeKey: mail.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: mailMessages.id });
  if (!row) return null;
  // Without a runner in this process (a script), the outbox sweep of a running server sends it.
  await enqueue(tx, MAIL_SEND, [{ data: { mailId: row.id } }]);
  return row.id;
}
