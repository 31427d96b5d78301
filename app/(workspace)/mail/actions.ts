"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { sendTestMail, testMailSchema } from "@/lib/mail/send-test-mail";

/** Queues a test mail to the given address; the mail log shows how it went. */
export const sendTestMailAction = validatedAction({ schema: testMailSchema, permission: "mail.manage" }, async (input, actor) => {
  const result = await sendTestMail({ actor, input });
  revalidatePath("/mail");
  return result;
});
