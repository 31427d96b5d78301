import { z } from "zod";
import { db } from "../../db/client";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { translator } from "../i18n/catalog";
import type { Locale } from "../vocab";
import { enqueueMail } from "./enqueue";
import { absoluteUrl } from "./links";

export const testMailSchema = z.object({ to: z.email().trim().max(320) });
export type TestMailInput = z.input<typeof testMailSchema>;

/** The test mail's content: Korean in the subject on purpose, to show its encoding survives. */
export function testMailContent(locale: Locale, sender: string | null) {
  const t = translator(locale);
  return {
    subject: t("mail.testSubject"),
    heading: t("mail.testHeading"),
    paragraphs: [sender ? t("mail.testBody", { name: sender }) : t("mail.testBodyCli")],
    action: { label: t("mail.open"), href: absoluteUrl("/mail") },
  };
}

/** Queues a test mail to any address (admins, from the mail log), with an activity entry; returns the mail's id. */
export async function sendTestMail({ actor, input }: { actor: Actor; input: TestMailInput }) {
  assertCan(actor, "mail.manage");
  const { to } = testMailSchema.parse(input);
  return db().transaction(async (tx) => {
    const mailId = await enqueueMail(tx, { to, locale: actor.locale, kind: "test", content: testMailContent(actor.locale, actor.displayName) });
    await recordActivity(tx, { actorId: actor.id, action: "mail.test_sent", entityType: "mail", entityId: mailId!, after: { to } });
    return { mailId: mailId! };
  });
}
