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
import { SessionsList } from "@/components/profile/sessions-list";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { sessionToken } from "@/lib/auth/session";
import { mySessions } from "@/lib/users/sessions";
import { describeUserAgent } from "@/lib/users/user-agent";
import { changePasswordAction, endSessionAction, setNotificationPreferencesAction, signOutEverywhereAction } from "./actions";

/** A duration as people say it: "7 days", "30 minutes". */
function spoken(ms: number, t: Awaited<ReturnType<typeof getT>>): string {
  if (ms % 86_400_000 === 0) return t("sessions.days", { count: ms / 86_400_000 });
  if (ms % 3_600_000 === 0) return t("sessions.hours", { count: ms / 3_600_000 });
  return t("sessions.minutes", { count: Math.round(ms / 60_000) });
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("profile.title") };
}

export default async function ProfilePage() {
  const actor = await requireActor("/profile");
  const [t, settings] = await Promise.all([getT(), getNotificationSettings(actor.id)]);
  const token = await sessionToken();
  const sessions = await mySessions({ actor, currentId: token?.sessionId ?? null });
  const { SESSION_MAX_AGE: lifetime, SESSION_IDLE_TIMEOUT: idle } = env();
  const rows = sessions.map((session) => ({
    id: session.id,
    device: describeUserAgent(session.userAgent) ?? t("sessions.unknownDevice"),
    lastActive: t("sessions.lastActive", { time: formatDateTime(session.lastSeenAt, actor.locale) }),
    signedInAt: t("sessions.signedInAt", { time: formatDateTime(session.createdAt, actor.locale) }),
    from: session.clientAddress && session.clientAddress !== "unknown" ? t("sessions.from", { address: session.clientAddress }) : null,
    current: session.current,
  }));

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
              weeklyReport: t("reports.weeklySubscribe"),
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

      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold text-slate-900">{t("sessions.heading")}</h2>
        <p className="text-sm text-slate-600">
          {idle === null
            ? t("sessions.intro", { lifetime: spoken(lifetime, t) })
            : t("sessions.introIdle", { lifetime: spoken(lifetime, t), idle: spoken(idle, t) })}
        </p>
        <SessionsList
          sessions={rows}
          endAction={endSessionAction}
          everywhereAction={signOutEverywhereAction}
          labels={{
            thisBrowser: t("sessions.thisBrowser"),
            endSession: t("sessions.endSession"),
            endSessionLabels: Object.fromEntries(rows.map((row) => [row.id, t("sessions.endSessionLabel", { device: row.device })])),
            ended: t("sessions.ended"),
            everywhereHeading: t("sessions.everywhereHeading"),
            everywhereIntro: t("sessions.everywhereIntro"),
            everywhereSubmit: t("sessions.everywhereSubmit"),
            everywhereConfirm: t("sessions.everywhereConfirm"),
            everywherePending: t("sessions.everywherePending"),
          }}
        />
      </section>
    </div>
  );
}
