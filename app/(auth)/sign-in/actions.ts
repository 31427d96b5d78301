"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { failure, fieldErrorsFrom, type ActionFailure } from "@/lib/actions/result";
import { formDataToObject } from "@/lib/actions/validated-action";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getT } from "@/lib/i18n/server";
import { signInSchema } from "@/lib/users/schemas";

/** The sign-in form's state: nothing yet, or why the last try failed (with the e-mail to refill). */
export type SignInState = (ActionFailure & { email?: string }) | null;

/**
 * Signs in with e-mail and password, then redirects to the page the visitor came from. Wrong
 * e-mail, wrong password and deactivated account share one message; only the rate limit differs.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const t = await getT();
  const input = formDataToObject(form);
  const email = typeof input.email === "string" ? input.email : undefined;
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ...failure(t, "invalid", { fieldErrors: fieldErrorsFrom(parsed.error, t) }), email };

  try {
    // Redirects (by throwing Next's redirect signal) on success.
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackUrl(input.callbackUrl) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") return { ...failure(t, "rate_limited"), email };
    if (error instanceof CredentialsSignin) return { ...failure(t, "unauthenticated", { message: "auth.invalidCredentials" }), email };
    if (error instanceof AuthError) return { ...failure(t, "unauthenticated", { message: "auth.signInFailed" }), email };
    throw error;
  }
  return null;
}
