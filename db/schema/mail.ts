import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { mailStatuses } from "../../lib/vocab";
import { createdAt, id, updatedAt } from "./common";
import { localeEnum, users } from "./users";

export const mailStatusEnum = pgEnum("mail_status", mailStatuses);

/**
 * The outbox: every mail the app sends, written in the transaction of what caused it and handed
 * to SMTP (or written as an .eml file) after commit by the `mail-send` job. Rendered when queued,
 * so what is sent is what the mail log shows.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: id(),
    /** The member it is for, when it is for a member (not for a one-off address). */
    userId: uuid().references(() => users.id),
    toAddress: text().notNull(),
    /** A notification kind, `digest`, `test`, or what another feature names (`password_reset`). */
    kind: text().notNull(),
    locale: localeEnum().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** The one-click unsubscribe URL (List-Unsubscribe), when the mail can be unsubscribed from. */
    unsubscribeUrl: text(),
    /** The Message-ID header, fixed when queued: a retry after an unclear failure sends the same message. */
    messageId: text().notNull(),
    /** What makes this mail once only (`notification:<id>`, `digest:<user>:<date>`). */
    dedupeKey: text(),
    status: mailStatusEnum().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** While one process hands it over, others leave it alone until then. */
    lockedUntil: timestamp({ withTimezone: true }),
    /** The file under $DATA_DIR/outbox when there is no SMTP server. */
    outboxFile: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("mail_messages_dedupe_key").on(t.dedupeKey),
    index("mail_messages_created_idx").on(t.createdAt),
    index("mail_messages_status_idx").on(t.status, t.updatedAt),
  ],
);

export type MailMessage = typeof mailMessages.$inferSelect;
export type NewMailMessage = typeof mailMessages.$inferInsert;
