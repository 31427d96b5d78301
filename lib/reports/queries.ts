import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { reports, users } from "../../db/schema";

const listColumns = {
  id: reports.id,
  title: reports.title,
  periodFrom: reports.periodFrom,
  periodTo: reports.periodTo,
  language: reports.language,
  sections: reports.sections,
  authorId: reports.authorId,
  authorName: users.displayName,
  generatedAt: reports.generatedAt,
};

/** Every saved report, newest first (without their content). */
export async function listReports() {
  return db().select(listColumns).from(reports).leftJoin(users, eq(users.id, reports.authorId)).orderBy(desc(reports.generatedAt));
}
export type ReportListRow = Awaited<ReturnType<typeof listReports>>[number];

/** One saved report with its frozen content, or null. */
export async function getReport(id: string) {
  const [row] = await db()
    .select({ ...listColumns, content: reports.content })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.authorId))
    .where(eq(reports.id, id));
  return row ?? null;
}
export type SavedReport = NonNullable<Awaited<ReturnType<typeof getReport>>>;

/** The end of the most recent report's period ("since the last report"), or null. */
export async function lastReportEnd(): Promise<string | null> {
  const [row] = await db().select({ to: reports.periodTo }).from(reports).orderBy(desc(reports.periodTo)).limit(1);
  return row?.to ?? null;
}
