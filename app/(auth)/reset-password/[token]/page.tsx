import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { getT } from "@/lib/i18n/server";
import { findPasswordResetByToken, passwordResetProblem } from "@/lib/users/password-reset";
import { resetPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  // The token is in the URL: never hand it to another site.
  return { title: t("auth.resetTitle"), referrer: "no-referrer" };
}

const linkClass = "text-sm font-medium text-blue-700 underline-offset-2 hover:underline";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, reset] = await Promise.all([getT(), findPasswordResetByToken(token)]);

  if (reset.state !== "valid") {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">{t("auth.invalidResetTitle")}</h1>
        <p className="mt-3 text-sm text-slate-700">{t(passwordResetProblem[reset.state])}</p>
        <p className="mt-6 flex flex-col gap-2">
          <Link href="/forgot-password" className={linkClass}>{t("auth.requestNewLink")}</Link>
          <Link href="/sign-in" className={linkClass}>{t("auth.goToSignIn")}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("auth.resetTitle")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("auth.resetIntro", { email: reset.email! })}</p>
      <ResetPasswordForm
        action={resetPasswordAction}
        token={token}
        labels={{
          password: t("auth.newPassword"),
          passwordHint: t("auth.passwordHint"),
          passwordConfirm: t("auth.passwordConfirm"),
          submit: t("auth.resetSubmit"),
          submitting: t("auth.resetting"),
        }}
      />
    </>
  );
}
