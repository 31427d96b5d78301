import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { LanguageForm } from "@/components/profile/language-form";
import { NotificationPreferencesForm } from "@/components/profile/notification-preferences-form";
import { setLocaleAction } from "@/app/actions/locale";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getNotificationSettings } from "@/lib/notifications/preferences";
import { roleLabel } from "@/lib/users/labels";
import { digestFrequencies, notificationDeliveries, notificationKinds } from "@/lib/vocab";
import { changePasswordAction, setNotificationPreferencesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("profile.title") };
}

export default async function ProfilePage() {
  const actor = await requireActor("/profile");
  const [t, settings] = await Promise.all([getT(), getNotificationSettings(actor.id)]);

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

      {settings ? (
        <section id="notifications" aria-labelledby="notifications-heading" className="space-y-3">
          <h2 id="notifications-heading" className="text-lg font-semibold text-slate-900">{t("profile.notificationsHeading")}</h2>
          <NotificationPreferencesForm
            action={setNotificationPreferencesAction}
            kinds={notificationKinds.map((kind) => ({ value: kind, label: t(`vocab.notificationKind.${kind}`) }))}
            deliveries={notificationDeliveries.map((d) => ({ value: d, label: t(`vocab.notificationDelivery.${d}`) }))}
            frequencies={digestFrequencies.map((f) => ({ value: f, label: t(`vocab.digestFrequency.${f}`) }))}
            current={settings}
            labels={{
              legend: t("profile.notificationsLegend"),
              kind: t("profile.notificationsKind"),
              digestLegend: t("profile.digestLegend"),
              digestTime: t("profile.digestTime"),
              digestTimeZone: t("profile.digestTimeZone"),
              digestTimeZoneHint: t("profile.digestTimeZoneHint"),
              digestFrequency: t("profile.digestFrequency"),
              save: t("profile.notificationsSave"),
              saving: t("profile.notificationsSaving"),
              saved: t("profile.notificationsSaved"),
            }}
          />
        </section>
      ) : null}

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
