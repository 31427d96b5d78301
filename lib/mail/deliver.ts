import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { mailMessages } from "../../db/schema";
import { log } from "../log";
import { handOver } from "./transport";

/** Attempts before a mail is given up as failed (the first and four retries). */
export const MAIL_MAX_ATTEMPTS = 5;

/** Raised to have the job runner retry later (with backoff). */
export class MailRetryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MailRetryError";
  }
}

export type DeliveryOutcome = "sent" | "written" | "failed" | "skipped";

/**
 * Sends one queued mail. Claims it first (status `sending`, locked for two minutes), so two
 * jobs for one mail send it once; a mail already sent is skipped. A refusal or an unreachable
 * server is recorded and thrown as MailRetryError (the job is retried with backoff) until the
 * last attempt, which records the mail as failed with its error.
 */
export async function deliverMail(mailId: string): Promise<DeliveryOutcome> {
  const [mail] = await db()
    .update(mailMessages)
    .set({ status: "sending", attempts: sql`${mailMessages.attempts} + 1`, lockedUntil: sql`now() + interval '2 minutes'`, updatedAt: sql`now()` })
    .where(
      and(
        eq(mailMessages.id, mailId),
        inArray(mailMessages.status, ["queued", "retrying", "sending"]),
        or(isNull(mailMessages.lockedUntil), lt(mailMessages.lockedUntil, sql`now()`)),
      ),
    )
    .returning();
  if (!mail) return "skipped";
  try {
    const handover = await handOver(mail);
    await db()
      .update(mailMessages)
      .set({
        status: handover.status,
        outboxFile: handover.status === "written" ? handover.file : null,
        lastError: null,
        lockedUntil: null,
        sentAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(mailMessages.id, mail.id));
    log.info("mail.delivered", { id: mail.id, kind: mail.kind, status: handover.status, attempts: mail.attempts });
    return handover.status;
  } catch (error) {
    const message = ((error as Error).message || String(error)).slice(0, 2000);
    const final = mail.attempts >= MAIL_MAX_ATTEMPTS;
    await db()
      .update(mailMessages)
      .set({ status: final ? "failed" : "retrying", lastError: message, lockedUntil: null, updatedAt: sql`now()` })
      .where(eq(mailMessages.id, mail.id));
    log.warn("mail.delivery_failed", { id: mail.id, kind: mail.kind, attempts: mail.attempts, final, message });
    if (final) return "failed";
    throw new MailRetryError(message);
  }
}

/**
 * Mails no job is taking care of: queued by a process without a job runner (a script) a minute
 * ago or more, waiting for a retry far longer than the backoff allows, or claimed by a process
 * that died while sending (its lock ran out).
 */
export async function unattendedMailIds(limit = 500): Promise<string[]> {
  const rows = await db()
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(
      or(
        and(eq(mailMessages.status, "queued"), lt(mailMessages.createdAt, sql`now() - interval '1 minute'`)),
        and(eq(mailMessages.status, "retrying"), lt(mailMessages.updatedAt, sql`now() - interval '15 minutes'`)),
        and(eq(mailMessages.status, "sending"), lt(mailMessages.lockedUntil, sql`now()`)),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}
