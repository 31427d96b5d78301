import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key shared by every entity table. */
export const id = () => uuid().primaryKey().defaultRandom();

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** Optimistic-concurrency counter on every editable row: a write names the version it read. */
export const version = () => integer().notNull().default(1);
