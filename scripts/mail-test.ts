/**
 * Sends a test mail to ADDRESS through the configured transport (SMTP_URL, else an .eml file in
 * $DATA_DIR/outbox), recorded in the mail log like every mail:
 *
 *   npm run mail:test -- someone@example.org
 *
 * Exit codes: 0 sent (or written), 1 the SMTP server refused or could not be reached (the error is
 * printed; a running server's job runner retries it), 2 usage or setup errors, 3 the embedded
 * database is open in a running server.
 */
import { z } from "zod";
import { migrateAndSeed } from "../db/migrate";
import { deliverMail } from "../lib/mail/deliver";
import { enqueueMail } from "../lib/mail/enqueue";
import { testMailContent } from "../lib/mail/send-test-mail";
import { outboxDir } from "../lib/mail/transport";
import { DATABASE_IN_USE, openDatabaseFor, runScript } from "./script-support";

async function main(): Promise<number> {
  const to = process.argv[2];
  if (!to || !z.email().safeParse(to).success) {
    console.error("Usage: npm run mail:test -- ADDRESS");
    return 2;
  }
  const handle = openDatabaseFor("Refusing to send a test mail");
  if (handle === DATABASE_IN_USE) return DATABASE_IN_USE;
  try {
    await migrateAndSeed(handle, false);
    const id = await handle.db.transaction((tx) => enqueueMail(tx, { to, locale: "ko", kind: "test", content: testMailContent("ko", null) }));
    try {
      const outcome = await deliverMail(id!);
      console.log(outcome === "written" ? `✓ written to ${outboxDir()} (no SMTP_URL)` : `✓ ${outcome}: ${to}`);
      return outcome === "failed" ? 1 : 0;
    } catch (error) {
      console.error(`✗ ${to}: ${(error as Error).message}`);
      return 1;
    }
  } finally {
    await handle.close();
  }
}

runScript(main);
