import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";

/**
 * The mails the app servers sent to the test SMTP server that scripts/e2e.mjs runs: each one is
 * an .eml file in E2E_MAIL_DIR.
 */
const mailDir = process.env.E2E_MAIL_DIR;

export type SentMail = { file: string; parsed: ParsedMail; to: string[] };

async function allMails(): Promise<SentMail[]> {
  if (!mailDir) throw new Error("E2E_MAIL_DIR is not set: run the browser tests with `npm run test:e2e`");
  const files = readdirSync(mailDir).filter((name) => name.endsWith(".eml") && !name.startsWith(".")).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(readFileSync(path.join(mailDir, file)));
      const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));
      return { file, parsed, to };
    }),
  );
}

/** Waits for the mails to `address` whose subject contains `subject` (the mail-send job runs after commit) and returns them. */
export async function mailsTo(address: string, subject: string, count = 1, timeout = 60_000): Promise<SentMail[]> {
  let found: SentMail[] = [];
  await expect
    .poll(
      async () => {
        found = (await allMails()).filter((m) => m.to.includes(address) && (m.parsed.subject ?? "").includes(subject));
        return found.length;
      },
      { timeout, intervals: [250, 500, 1000] },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The first link in a mail's text part that starts with `prefix` (a path such as `/reset-password/`). */
export function linkIn(mail: SentMail, prefix: string): string {
  const match = new RegExp(`https?://[^\\s]+${prefix.replace(/[/]/g, "\\/")}[^\\s]*`).exec(mail.parsed.text ?? "");
  if (!match) throw new Error(`no ${prefix} link in: ${mail.parsed.text}`);
  return match[0];
}
