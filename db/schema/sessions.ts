import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./common";
import { users } from "./users";

/**
 * One row per signed-in browser. The session cookie names its row (`sid`); a session is good
 * while its row is neither revoked nor expired, so signing out ends it on the server too (a copy
 * of the cookie is worthless afterwards) and "sign out everywhere" is one update.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The account's session version when it was opened: a later bump ends it. */
    sessionVersion: integer().notNull(),
    createdAt: createdAt(),
    /** Last request made with it (kept to the minute): drives the rolling lifetime and the idle timeout. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Rolling: moved forward by use, to `lastSeenAt` + SESSION_MAX_AGE. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    /** What the owner sees on the profile to tell their sessions apart. */
    userAgent: text(),
    clientAddress: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Open live streams (`/api/live`), across every app process: what caps a user's connections. A
 * stream refreshes `seenAt` at each heartbeat; rows of a process that died go stale and stop
 * counting.
 */
export const liveConnections = pgTable(
  "live_connections",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    openedAt: createdAt(),
    seenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Heartbeats missed before the row stops counting, as milliseconds of silence. */
    staleAfterMs: integer().notNull(),
  },
  (t) => [index("live_connections_user_idx").on(t.userId)],
);

export type Session = typeof sessions.$inferSelect;
