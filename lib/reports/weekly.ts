import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { reports, users } from "../../db/schema";
import { addDays } from "../format";
import { translator } from "../i18n/catalog";
import type { JobDefinition } from "../jobs/runner";
import { localClock } from "../mail/digest";
import { enqueueMail } from "../mail/enqueue";
import { absoluteUrl } from "../mail/links";
import { type Locale, reportSections } from "../vocab";
import { saveReport } from "./generate-report";

export const WEEKLY_REPORTS_DUE = "reports-weekly-due";

/**
 * The saved weekly report of `from`–`to` in `language`, made once (by the system, no author)
 * however many processes and subscribers ask at once: an advisory lock per week and language.
 */
async function weeklyReport(from: string, to: string, language: Locale): Promise<string> {
  const find = async () =>
    (await db().select({ id: reports.id }).from(reports).where(and(eq(reports.periodFrom, from), eq(reports.periodTo, to), eq(reports.language, language), isNull(reports.authorId))).limit(1))[0]?.id;
  const found = await find();
  if (found) return found;
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`weekly-report:${from}:${language}`}))`);
    const [existing] = await tx.select({ id: reports.id }).from(reports).where(and(eq(reports.periodFrom, from), eq(reports.periodTo, to), eq(reports.language, language), isNull(reports.authorId)));
    if (existing) return existing.id;
    const title = translator(language)("reports.weeklyTitle", { from, to });
    return (await saveReport({ authorId: null, title, from, to, language, sections: reportSections }, tx)).reportId;
  });
}

/**
 * Mails last week's report (Monday to Sunday) to every active member who subscribed, on Monday at
 * or after their digest time in their time zone. Once per member and week (the mail's dedupe key).
 * Returns how many mails were queued.
 */
export async function sendDueWeeklyReports({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const subscribers = await db()
    .select({ id: users.id, email: users.email, locale: users.locale, digestTime: users.digestTime, digestTimeZone: users.digestTimeZone })
    .from(users)
    .where(and(eq(users.weeklyReport, true), isNull(users.deactivatedAt)));
  let queued = 0;
  for (const user of subscribers) {
    const clock = localClock(now, user.digestTimeZone);
    if (clock.weekday !== "Mon" || clock.time < user.digestTime) continue;
    const from = addDays(clock.date, -7);
    const to = addDays(clock.date, -1);
    const reportId = await weeklyReport(from, to, user.locale);
    const t = translator(user.locale);
    const title = t("reports.weeklyTitle", { from, to });
    const id = await db().transaction((tx) =>
      enqueueMail(tx, {
        to: user.email,
        userId: user.id,
        locale: user.locale,
        kind: "weekly_report",
        content: { subject: title, heading: title, paragraphs: [t("reports.intro")], action: { label: t("reports.open"), href: absoluteUrl(`/reports/${reportId}`) } },
        unsubscribable: true,
        dedupeKey: `weekly_report:${user.id}:${from}`,
      }),
    );
    if (id) queued++;
  }
  return queued;
}

/** Every quarter of an hour (and at start): the weekly reports that came due. */
export const reportJobs: JobDefinition[] = [
  { name: WEEKLY_REPORTS_DUE, cron: "*/15 * * * *", runOnStart: true, queue: { retryLimit: 0, expireInSeconds: 600 }, handler: async () => void (await sendDueWeeklyReports()) },
];
