"use server";

import { validatedAction } from "@/lib/actions/validated-action";
import { reissueSession } from "@/lib/auth/session";
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
