import type { JobDefinition } from "../jobs/runner";
import { notifyDueItems } from "./due-soon";

export const DUE_REMINDERS = "due-reminders";

/**
 * Due-soon and overdue reminders, once a day at 08:00 Seoul time, and when a process starts (a
 * day no process ran at 08:00 still gets its reminders). The event key makes it once per item per
 * day, however many processes run it.
 */
export const reminderJobs: JobDefinition[] = [
  { name: DUE_REMINDERS, cron: "0 8 * * *", runOnStart: true, queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 300 }, handler: async () => void (await notifyDueItems()) },
];
