"use server";

import { publicAction } from "@/lib/actions/validated-action";
import { resetPassword } from "@/lib/users/password-reset";
import { resetPasswordSchema } from "@/lib/users/schemas";

/**
 * Sets a new password with a reset link and ends every session of the account; the form then
 * opens the sign-in page. No session is needed: the token in the form is the permission.
 */
export const resetPasswordAction = publicAction({ schema: resetPasswordSchema }, async (input) => {
  await resetPassword({ input });
});
