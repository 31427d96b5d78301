import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ReportContent } from "../../lib/reports/content";
import type { ReportSection } from "../../lib/vocab";
import { id } from "./common";
import { localeEnum, users } from "./users";

/**
 * A period briefing as generated: its content is frozen JSON, written once and never updated, so
 * a report handed out reads the same whatever is edited afterwards.
 */
export const reports = pgTable(
  "reports",
  {
    id: id(),
    title: text().notNull(),
    periodFrom: date().notNull(),
    periodTo: date().notNull(),
    language: localeEnum().notNull(),
    sections: text().array().$type<ReportSection[]>().notNull(),
    authorId: uuid().references(() => users.id),
    generatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    content: jsonb().$type<ReportContent>().notNull(),
  },
  (t) => [index("reports_generated_idx").on(t.generatedAt), index("reports_period_to_idx").on(t.periodTo)],
);

export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
