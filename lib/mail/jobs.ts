import { db } from "../../db/client";
import { type JobDefinition, enqueue } from "../jobs/runner";
import { deliverMail, MAIL_MAX_ATTEMPTS, unattendedMailIds } from "./deliver";
import { sendDueDigests } from "./digest";
import { MAIL_SEND } from "./enqueue";

export const MAIL_OUTBOX_SWEEP = "mail-outbox-sweep";
export const DIGESTS_DUE = "mail-digests-due";

/** Queues a send for every mail no job is taking care of (see `unattendedMailIds`). */
export async function sweepOutbox(): Promise<number> {
  const ids = await unattendedMailIds();
  if (ids.length) await db().transaction((tx) => enqueue(tx, MAIL_SEND, ids.map((mailId) => ({ data: { mailId } }))));
  return ids.length;
}

/**
 * The mail jobs: one `mail-send` per queued mail, retried with backoff (30 s doubling, up to 4
 * retries: about 7.5 minutes in all) until `deliverMail` records the last failure; and a sweep
 * every minute for mails queued where no runner ran; every five minutes, the digests that came due
 * (each member's own time and time zone). `retryDelaySeconds` is shortened by tests.
 */
export function mailJobs(options: { retryDelaySeconds?: number } = {}): JobDefinition[] {
  const retryDelay = options.retryDelaySeconds ?? 30;
  return [
    {
      name: MAIL_SEND,
      concurrency: 2,
      queue: { retryLimit: MAIL_MAX_ATTEMPTS - 1, retryDelay, retryBackoff: true, retryDelayMax: retryDelay * 8, expireInSeconds: 120, heartbeatSeconds: 10 },
      handler: async (data) => void (await deliverMail(String((data as { mailId?: unknown }).mailId))),
    },
    // Not at a process start: the next tick (five minutes at most) makes whatever came due while
    // no process ran, each member's digest once per their local day.
    { name: DIGESTS_DUE, cron: "*/5 * * * *", queue: { retryLimit: 0, expireInSeconds: 240 }, handler: async () => void (await sendDueDigests()) },
    { name: MAIL_OUTBOX_SWEEP, cron: "* * * * *", runOnStart: true, queue: { retryLimit: 0, expireInSeconds: 60 }, handler: async () => void (await sweepOutbox()) },
  ];
}
