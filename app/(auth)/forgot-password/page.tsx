import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { getActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { requestPasswordResetAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.forgotTitle") };
}

export default async function ForgotPasswordPage() {
  // Someone signed in changes their password on the profile.
  if (await getActor()) redirect("/profile");
  const t = await getT();
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("auth.forgotTitle")}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t("auth.forgotIntro")}</p>
      <ForgotPasswordForm
        action={requestPasswordResetAction}
        labels={{ email: t("auth.email"), submit: t("auth.forgotSubmit"), submitting: t("auth.forgotSending"), sent: t("auth.forgotSent") }}
      />
      <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium text-blue-700 underline-offset-2 hover:underline">
        {t("auth.backToSignIn")}
      </Link>
    </>
  );
}
