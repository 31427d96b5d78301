import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { digestFrequencies, locales, notificationKinds, roles, type NotificationDelivery, type NotificationKind } from "../../lib/vocab";
import { createdAt, id, updatedAt, version } from "./common";

export const roleEnum = pgEnum("role", roles);
export const localeEnum = pgEnum("locale", locales);
export const notificationKindEnum = pgEnum("notification_kind", notificationKinds);
export const digestFrequencyEnum = pgEnum("digest_frequency", digestFrequencies);

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased; unique. */
    email: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    role: roleEnum().notNull().default("viewer"),
    locale: localeEnum().notNull().default("ko"),
    /**
     * How this user hears of each kind of notification, for the kinds they changed; a kind not
     * listed follows `defaultNotificationDelivery` (lib/vocab.ts), so kinds added later get their default.
     */
    notificationDelivery: jsonb().$type<Partial<Record<NotificationKind, NotificationDelivery>>>().notNull().default(sql`'{}'::jsonb`),
    /** Local time (HH:MM) of the digest mail, in `digestTimeZone`. */
    digestTime: text().notNull().default("08:30"),
    /** IANA time zone of the digest time. */
    digestTimeZone: text().notNull().default("Asia/Seoul"),
    digestFrequency: digestFrequencyEnum().notNull().default("daily"),
    /** When the last digest was made (sent or found empty): the next one tells what happened since. */
    lastDigestAt: timestamp({ withTimezone: true }),
    /** The local date of that digest: one per user per day, whatever the number of processes. */
    lastDigestOn: date(),
    /** Mail me the weekly report on Monday mornings (in `digestTimeZone`). */
    weeklyReport: boolean().notNull().default(false),
    deactivatedAt: timestamp({ withTimezone: true }),
    /** Bumped on password change, role change and deactivation: older sessions stop working. */
    sessionVersion: integer().notNull().default(1),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    email: text().notNull(),
    role: roleEnum().notNull(),
    /** SHA-256 of the token sent in the link; the token itself is never stored. */
    tokenHash: text().notNull(),
    invitedById: uuid().notNull().references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedUserId: uuid().references(() => users.id),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invitations_token_hash_key").on(t.tokenHash), index("invitations_email_idx").on(t.email)],
);

/** Fixed-window counters for failed sign-ins, keyed by account and by client address. */
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_buckets_window_idx").on(t.windowStart)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;

/**
 * Single-use password reset links, asked for on the sign-in page or issued by an admin. Like
 * invitations, only the SHA-256 of the token is stored.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    /** The admin who issued it; null when the member asked for it themself. */
    issuedById: uuid().references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_resets_token_hash_key").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);

export type PasswordReset = typeof passwordResets.$inferSelect;
