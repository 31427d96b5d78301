"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/validated-action";
import { signIn } from "@/lib/auth/auth";
import { getLocale } from "@/lib/i18n/server";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { acceptInvitationSchema } from "@/lib/users/schemas";

/**
 * Creates the invitee's account, then signs them in and opens the dashboard. No session is
 * needed: the token in the form is the permission, and the verb checks it.
 */
export const acceptInvitationAction = publicAction({ schema: acceptInvitationSchema }, async (input) => {
  const account = await acceptInvitation({ input, locale: await getLocale() });
  try {
    await signIn("credentials", { email: account.email, password: input.password, redirectTo: "/" });
  } catch (error) {
    // The account exists either way; if signing in is refused, the sign-in page takes over.
    if (error instanceof AuthError) redirect("/sign-in");
    throw error;
  }
});
