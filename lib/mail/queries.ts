import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { mailMessages, type MailMessage } from "../../db/schema";
import { isUuid } from "../uuid";

export const MAIL_LOG_PAGE_SIZE = 50;

export type MailLogRow = Pick<MailMessage, "id" | "toAddress" | "subject" | "kind" | "status" | "lastError" | "attempts" | "sentAt" | "createdAt">;

/** The mail log, newest first; `offset` pages further back. */
export async function listMail(options: { limit?: number; offset?: number } = {}): Promise<MailLogRow[]> {
  return db()
    .select({
      id: mailMessages.id,
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      kind: mailMessages.kind,
      status: mailMessages.status,
      lastError: mailMessages.lastError,
      attempts: mailMessages.attempts,
      sentAt: mailMessages.sentAt,
      createdAt: mailMessages.createdAt,
    })
    .from(mailMessages)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(options.limit ?? MAIL_LOG_PAGE_SIZE)
    .offset(options.offset ?? 0);
}

/** One mail as queued (its text, headers and state), or null. */
export async function getMail(id: string): Promise<MailMessage | null> {
  if (!isUuid(id)) return null;
  const [row] = await db().select().from(mailMessages).where(eq(mailMessages.id, id)).limit(1);
  return row ?? null;
}
