import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { LanguageForm } from "@/components/profile/language-form";
import { setLocaleAction } from "@/app/actions/locale";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { roleLabel } from "@/lib/users/labels";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("profile.title") };
}

export default async function ProfilePage() {
  const actor = await requireActor("/profile");
  const t = await getT();

  return (
    <div className="max-w-3xl space-y-10">
      <h1 className="text-2xl font-semibold text-slate-900">{t("profile.title")}</h1>

      <section aria-labelledby="account-heading" className="space-y-3">
        <h2 id="account-heading" className="text-lg font-semibold text-slate-900">{t("profile.accountHeading")}</h2>
        <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-500">{t("profile.displayName")}</dt>
          <dd className="text-slate-900">{actor.displayName}</dd>
          <dt className="text-slate-500">{t("profile.email")}</dt>
          <dd className="text-slate-900">{actor.email}</dd>
          <dt className="text-slate-500">{t("profile.role")}</dt>
          <dd className="text-slate-900">{t(roleLabel[actor.role])}</dd>
        </dl>
      </section>

      <section aria-labelledby="language-heading" className="space-y-3">
        <h2 id="language-heading" className="text-lg font-semibold text-slate-900">{t("profile.languageHeading")}</h2>
        <LanguageForm
          action={setLocaleAction}
          current={actor.locale}
          legend={t("profile.languageIntro")}
          saved={t("profile.languageSaved")}
          options={[
            { value: "ko", label: t("common.languageKo") },
            { value: "en", label: t("common.languageEn") },
          ]}
        />
      </section>

      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold text-slate-900">{t("profile.passwordHeading")}</h2>
        <ChangePasswordForm
          action={changePasswordAction}
          labels={{
            currentPassword: t("profile.currentPassword"),
            newPassword: t("profile.newPassword"),
            newPasswordHint: t("profile.newPasswordHint"),
            newPasswordConfirm: t("profile.newPasswordConfirm"),
            submit: t("profile.changePasswordSubmit"),
            submitting: t("profile.changingPassword"),
            changed: t("profile.passwordChanged"),
            changedSignIn: t("profile.passwordChangedSignIn"),
            signIn: t("auth.goToSignIn"),
          }}
        />
      </section>
    </div>
  );
}
