"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { reissueSession } from "@/lib/auth/session";
import { setNotificationPreferences } from "@/lib/notifications/preferences";
import { notificationPreferencesSchema } from "@/lib/notifications/schemas";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/users/schemas";

/**
 * Changes the actor's password. Every session of the account ends (the session version moves);
 * this browser gets a fresh one at once, so the user stays signed in here and is signed out
 * everywhere else. `reissued: false` means they must sign in again.
 */
export const changePasswordAction = validatedAction(
  { schema: changePasswordSchema, permission: "profile.update" },
  async (input, actor) => {
    const { email } = await changePassword({ actor, input });
    return { reissued: await reissueSession(email, input.newPassword) };
  },
);

/** Sets how each kind of notification reaches the actor (off, in the app, mail at once, digest) and the digest's schedule. */
export const setNotificationPreferencesAction = validatedAction(
  { schema: notificationPreferencesSchema, permission: "profile.update" },
  async (input, actor) => {
    const result = await setNotificationPreferences({ actor, input });
    revalidatePath("/profile");
    return result;
  },
);
