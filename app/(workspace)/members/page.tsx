import type { Metadata } from "next";
import { InviteForm } from "@/components/members/invite-form";
import { MemberControls } from "@/components/members/member-controls";
import { ResetLinkButton } from "@/components/members/reset-link-button";
import { RevokeInvitationButton } from "@/components/members/revoke-invitation-button";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDate, formatDateTime, roleLabel } from "@/lib/users/labels";
import { listMembers, listPendingInvitations } from "@/lib/users/queries";
import { roles } from "@/lib/vocab";
import {
  changeRoleAction,
  deactivateMemberAction,
  inviteMemberAction,
  issuePasswordResetAction,
  reactivateMemberAction,
  revokeInvitationAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("members.title") };
}

const EXPIRY_DAYS = [1, 3, 7, 14, 30];

export default async function MembersPage() {
  const actor = await requireActor("/members");
  const [t, locale] = await Promise.all([getT(), getLocale()]);

  // The actions check this too; the page only spares non-admins a screen of refusals.
  if (!can(actor.role, "members.manage")) {
    return (
      <div className="mx-auto max-w-2xl py-12">
        <p className="text-sm font-medium text-slate-500">403</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("members.forbiddenTitle")}</h1>
        <p className="mt-3 text-slate-700">{t("members.forbiddenBody")}</p>
      </div>
    );
  }

  const members = await listMembers();
  const pending = await listPendingInvitations();
  const roleOptions = roles.map((value) => ({ value, label: t(roleLabel[value]) }));
  const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
  const td = "px-3 py-3 align-top text-sm text-slate-800";

  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("members.title")}</h1>
        <p className="mt-1 text-slate-600">{t("members.intro")}</p>
      </header>

      <section aria-labelledby="invite-heading" className="space-y-3">
        <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">{t("members.inviteHeading")}</h2>
        <p className="text-sm text-slate-600">{t("members.inviteIntro")}</p>
        <InviteForm
          action={inviteMemberAction}
          roles={roleOptions}
          expiryOptions={EXPIRY_DAYS.map((days) => ({ value: days, label: t("members.expiryDays", { days }) }))}
          locale={locale}
          labels={{
            email: t("members.inviteEmail"),
            role: t("members.inviteRole"),
            expiry: t("members.inviteExpiry"),
            sendMail: t("members.inviteSendMail"),
            mailed: t("members.inviteMailed"),
            submit: t("members.inviteSubmit"),
            submitting: t("members.inviting"),
            link: t("members.inviteLink"),
            copy: t("members.copy"),
            copied: t("members.copied"),
            // Filled in by the form once the invitation exists.
            created: t("members.inviteCreated"),
          }}
        />
      </section>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-lg font-semibold text-slate-900">
          {t("members.listHeading", { count: members.length })}
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 bg-white">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>{t("members.colName")}</th>
                <th scope="col" className={th}>{t("members.colEmail")}</th>
                <th scope="col" className={th}>{t("members.colRole")}</th>
                <th scope="col" className={th}>{t("members.colStatus")}</th>
                <th scope="col" className={th}>{t("members.colJoined")}</th>
                <th scope="col" className={th}>{t("members.colActions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((member) => {
                const active = member.deactivatedAt === null;
                const isSelf = member.id === actor.id;
                return (
                  <tr key={member.id} className={active ? undefined : "bg-slate-50 text-slate-500"}>
                    <td className={td}>
                      {member.displayName}
                      {isSelf ? <span className="ml-2 rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-800">{t("members.you")}</span> : null}
                    </td>
                    <td className={td}>{member.email}</td>
                    <td className={td}>{t(roleLabel[member.role])}</td>
                    <td className={td}>
                      <span className={active ? "text-emerald-700" : "text-slate-500"}>
                        {active ? t("members.statusActive") : t("members.statusDeactivated")}
                      </span>
                    </td>
                    <td className={td}>{formatDate(member.createdAt, locale)}</td>
                    <td className={td}>
                      {/* An admin cannot demote or deactivate themself; the verbs refuse it too. */}
                      {isSelf ? null : (
                        <div className="space-y-2">
                        <MemberControls
                          member={{ id: member.id, role: member.role, active, version: member.version }}
                          roles={roleOptions}
                          actions={{ changeRole: changeRoleAction, deactivate: deactivateMemberAction, reactivate: reactivateMemberAction }}
                          labels={{
                            roleOf: t("members.roleOf", { name: member.displayName }),
                            saveRole: t("members.saveRole"),
                            deactivate: t("members.deactivate"),
                            reactivate: t("members.reactivate"),
                            roleChanged: t("members.roleChanged"),
                            deactivated: t("members.deactivated"),
                            reactivated: t("members.reactivated"),
                          }}
                        />
                        {active ? (
                          <ResetLinkButton
                            action={issuePasswordResetAction}
                            userId={member.id}
                            locale={locale}
                            labels={{
                              issue: t("members.resetIssue"),
                              issuing: t("members.resetIssuing"),
                              link: t("members.resetLink"),
                              copy: t("members.copy"),
                              copied: t("members.copied"),
                              issued: t("members.resetIssued"),
                            }}
                          />
                        ) : null}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="pending-heading" className="space-y-3">
        <h2 id="pending-heading" className="text-lg font-semibold text-slate-900">{t("members.pendingHeading")}</h2>
        {pending.length === 0 ? (
          <p className="text-sm text-slate-600">{t("members.pendingEmpty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 bg-white">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>{t("members.colEmail")}</th>
                  <th scope="col" className={th}>{t("members.colRole")}</th>
                  <th scope="col" className={th}>{t("members.colInvitedBy")}</th>
                  <th scope="col" className={th}>{t("members.colExpires")}</th>
                  <th scope="col" className={th}>{t("members.colActions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {pending.map((invitation) => (
                  <tr key={invitation.id}>
                    <td className={td}>{invitation.email}</td>
                    <td className={td}>{t(roleLabel[invitation.role])}</td>
                    <td className={td}>{invitation.invitedByName}</td>
                    <td className={td}>{formatDateTime(invitation.expiresAt, locale)}</td>
                    <td className={td}>
                      <RevokeInvitationButton action={revokeInvitationAction} invitationId={invitation.id} label={t("members.revoke")} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
