import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormAlert } from "@/components/ui/form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { signInAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.signInTitle") };
}

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[]; code?: string | string[]; reset?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  // Someone already signed in has nothing to do here.
  if (await getActor()) redirect(callbackUrl);

  const t = await getT();
  // Auth.js reports refusals of a form posted straight to /api/auth as ?error=…&code=….
  const error = first(params.error);
  const initialError = !error
    ? undefined
    : first(params.code) === "rate_limited"
      ? t("auth.rateLimited")
      : error === "CredentialsSignin"
        ? t("auth.invalidCredentials")
        : t("auth.signInFailed");

  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("auth.signInTitle")}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t("auth.signInIntro")}</p>
      {/* After a password reset (reset-password/[token]): the new password is ready to use. */}
      {first(params.reset) === "done" && !error ? (
        <div className="mb-4">
          <FormAlert tone="success">{t("auth.resetDone")}</FormAlert>
        </div>
      ) : null}
      <SignInForm
        action={signInAction}
        callbackUrl={callbackUrl}
        initialError={initialError}
        labels={{
          email: t("auth.email"),
          password: t("auth.password"),
          submit: t("auth.signInSubmit"),
          submitting: t("auth.signingIn"),
        }}
      />
      <Link href="/forgot-password" className="mt-4 inline-block text-sm font-medium text-blue-700 underline-offset-2 hover:underline">
        {t("auth.forgotPassword")}
      </Link>
      <p className="mt-6 text-xs text-slate-500">{t("auth.accountsByInvitation")}</p>
    </>
  );
}
