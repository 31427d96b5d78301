"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { signOut } from "@/lib/auth/auth";
import { reissueSession } from "@/lib/auth/session";
import { setNotificationPreferences } from "@/lib/notifications/preferences";
import { notificationPreferencesSchema } from "@/lib/notifications/schemas";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema, endSessionSchema } from "@/lib/users/schemas";
import { endMySession, signOutEverywhere } from "@/lib/users/sessions";

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

/** Ends another browser's session of the actor's own (listed on the profile). */
export const endSessionAction = validatedAction(
  { schema: endSessionSchema, permission: "profile.update" },
  async (input, actor) => {
    await endMySession({ actor, sessionId: input.sessionId });
    revalidatePath("/profile");
  },
);

/**
 * "Sign out everywhere": every session of the account ends on the server, this one too, and
 * this browser's cookie is cleared; the form then opens the sign-in page.
 */
export const signOutEverywhereAction = validatedAction(
  { schema: z.object({}), permission: "profile.update" },
  async (_input, actor) => {
    const ended = await signOutEverywhere({ actor });
    await signOut({ redirect: false });
    return { ended };
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
