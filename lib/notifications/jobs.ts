import type { JobDefinition } from "../jobs/runner";
import { localClock } from "../mail/digest";
import { notifyDueItems } from "./due-soon";

export const DUE_REMINDERS = "due-reminders";

/** When the reminders are made each day, in Seoul. */
const REMINDER_TIME = { hour: 8, timeZone: "Asia/Seoul" } as const;

/** Whether today's reminder time has passed at `now` (a process starting later catches up; one starting earlier waits for the schedule). */
export function reminderTimePassed(now: Date): boolean {
  return Number(localClock(now, REMINDER_TIME.timeZone).time.slice(0, 2)) >= REMINDER_TIME.hour;
}

/**
 * Due-soon and overdue reminders, once a day at 08:00 Seoul time; a process starting after 08:00
 * runs them too (a day no process ran at 08:00 still gets its reminders), one starting before
 * leaves them to the schedule. The event key makes it once per item per day, however many
 * processes run it or how often they start.
 */
export const reminderJobs: JobDefinition[] = [
  {
    name: DUE_REMINDERS,
    cron: `0 ${REMINDER_TIME.hour} * * *`,
    tz: REMINDER_TIME.timeZone,
    runOnStart: reminderTimePassed,
    queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 300 },
    handler: async () => void (await notifyDueItems()),
  },
];
