import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { getLocale, getT } from "@/lib/i18n/server";
import { invitationProblem } from "@/lib/users/accept-invitation";
import { formatDateTime, roleLabel } from "@/lib/users/labels";
import { findInvitationByToken } from "@/lib/users/queries";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.inviteTitle"), referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, locale, invitation] = await Promise.all([getT(), getLocale(), findInvitationByToken(token)]);

  if (invitation.state !== "pending") {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">{t("auth.invalidInviteTitle")}</h1>
        <p className="mt-3 text-sm text-slate-700">{t(invitationProblem[invitation.state])}</p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium text-blue-700 underline-offset-2 hover:underline">
          {t("auth.goToSignIn")}
        </Link>
      </>
    );
  }

  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t("auth.inviteTitle")}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {t("auth.inviteIntro", { email: invitation.email, role: t(roleLabel[invitation.role]) })}
      </p>
      <p className="mb-6 mt-1 text-xs text-slate-500">
        {t("auth.inviteExpires", { date: formatDateTime(invitation.expiresAt, locale) })}
      </p>
      <AcceptInvitationForm
        action={acceptInvitationAction}
        token={token}
        labels={{
          displayName: t("auth.displayName"),
          displayNameHint: t("auth.displayNameHint"),
          password: t("auth.newPassword"),
          passwordHint: t("auth.passwordHint"),
          passwordConfirm: t("auth.passwordConfirm"),
          submit: t("auth.acceptSubmit"),
          submitting: t("auth.accepting"),
        }}
      />
    </>
  );
}
