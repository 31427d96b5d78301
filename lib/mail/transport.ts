import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import type { MailMessage } from "../../db/schema";
import { env } from "../env";

/** Where mails go without SMTP_URL: one .eml file each, for people to read (and the mail log). */
export function outboxDir(): string {
  return path.join(env().dataDir, "outbox");
}

/** How a mail left: handed to the SMTP server, or written to the outbox folder. */
export type Handover = { status: "sent" } | { status: "written"; file: string };

const holder = globalThis as typeof globalThis & { __policyDeskSmtp?: { url: string; transporter: Transporter } };

function smtpTransport(url: string): Transporter {
  if (holder.__policyDeskSmtp?.url !== url) {
    holder.__policyDeskSmtp?.transporter.close();
    // No pool: a mail at a time per job, and a refused or dropped connection is simply retried.
    const transporter = nodemailer.createTransport(url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 } as never);
    holder.__policyDeskSmtp = { url, transporter };
  }
  return holder.__policyDeskSmtp.transporter;
}

/** The message as nodemailer builds it: both parts, encoded headers, List-Unsubscribe (RFC 2369) with one-click (RFC 8058). */
function messageOf(mail: MailMessage) {
  const headers: Record<string, { prepared: true; value: string }> = {};
  if (mail.unsubscribeUrl) {
    // Prepared: an URL never folds in the middle (it has no spaces), and stays one line under 998 characters.
    headers["List-Unsubscribe"] = { prepared: true, value: `<${mail.unsubscribeUrl}>` };
    headers["List-Unsubscribe-Post"] = { prepared: true, value: "List-Unsubscribe=One-Click" };
  }
  return {
    from: env().MAIL_FROM,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.textBody,
    html: mail.htmlBody,
    messageId: mail.messageId,
    date: mail.createdAt,
    headers,
  };
}

/**
 * Hands one mail over: to the SMTP server at SMTP_URL, else into `$DATA_DIR/outbox/` as
 * `<created>-<id>.eml` (0600, created exclusively; a file already there is this mail, written before).
 */
export async function handOver(mail: MailMessage): Promise<Handover> {
  const url = env().SMTP_URL;
  if (url) {
    await smtpTransport(url).sendMail(messageOf(mail));
    return { status: "sent" };
  }
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "crlf" }).sendMail(messageOf(mail));
  const dir = outboxDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = `${mail.createdAt.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${mail.id}.eml`;
  // Written aside, then linked into place: a crash never leaves half a mail under its real name.
  const draft = path.join(dir, `.${file}.${process.pid}.tmp`);
  fs.writeFileSync(draft, built.message as Buffer, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(draft, path.join(dir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.unlinkSync(draft);
  }
  return { status: "written", file };
}
