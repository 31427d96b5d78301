import { db } from "../../db/client";
import { notify } from "../notifications/notify";
import { SIGN_IN_WINDOW_MS, windowStartOf } from "./rate-limit";

/** Failures of one account in one window after which its owner hears of them. */
export const SIGN_IN_NOTICE_AFTER = 5;

/**
 * Tells an account's owner, in their inbox, that someone keeps failing to sign in as them: the
 * account is slowed down rather than locked, so this is how the owner learns of a guesser (and
 * may change the password). Called with the account's count after each failure; only the failure
 * that reaches SIGN_IN_NOTICE_AFTER notifies, and the window is in the event key, so the owner
 * hears once per window however many attempts follow and however many processes count them.
 */
export async function noticeRepeatedFailures(userId: string, accountFailures: number, now = new Date()): Promise<void> {
  if (accountFailures !== SIGN_IN_NOTICE_AFTER) return;
  const windowStart = windowStartOf(now, SIGN_IN_WINDOW_MS);
  await db().transaction((tx) =>
    notify(tx, {
      kind: "sign_in_failures",
      userIds: [userId],
      actorId: null,
      entityType: "user",
      entityId: userId,
      eventKey: `sign_in_failures:${windowStart.toISOString()}`,
    }),
  );
}
