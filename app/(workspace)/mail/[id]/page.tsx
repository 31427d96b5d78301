import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { mailKindLabel, mailStatusLabel } from "@/lib/mail/labels";
import { getMail } from "@/lib/mail/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("mail.logTitle") };
}

/** One mail as it was queued: its headers, its text part, and how its delivery went. */
export default async function MailPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/mail/${id}`);
  if (!can(actor.role, "mail.manage")) notFound();
  const [t, locale, mail] = await Promise.all([getT(), getLocale(), getMail(id)]);
  if (!mail) notFound();
  const headers: [string, string][] = [
    ["From", env().MAIL_FROM],
    ["To", mail.toAddress],
    ["Subject", mail.subject],
    ["Message-ID", mail.messageId],
    ...(mail.unsubscribeUrl ? ([["List-Unsubscribe", `<${mail.unsubscribeUrl}>`], ["List-Unsubscribe-Post", "List-Unsubscribe=One-Click"]] as [string, string][]) : []),
  ];
  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm">
        <Link href="/mail">{t("mail.logBack")}</Link>
      </p>
      <PageHeader
        title={mail.subject}
        meta={
          <span className="flex flex-wrap items-center gap-2">
            <Badge>{mailKindLabel(t, mail.kind)}</Badge>
            <Badge tone={mail.status === "failed" ? "red" : "neutral"}>{mailStatusLabel(t, mail.status)}</Badge>
            <span>
              {t("mail.logAttempts")}: {mail.attempts}
            </span>
            {mail.sentAt ? (
              <span>
                {t("mail.logSentAt")}: {formatDateTime(mail.sentAt, locale)}
              </span>
            ) : null}
          </span>
        }
      />
      {mail.lastError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{mail.lastError}</p> : null}
      <section aria-labelledby="mail-headers" className="space-y-2">
        <h2 id="mail-headers" className="text-base font-semibold">
          {t("mail.logHeaders")}
        </h2>
        <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-1 text-sm">
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-mono text-slate-500">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
          {mail.outboxFile ? (
            <div className="contents">
              <dt className="text-slate-500">{t("mail.logFile")}</dt>
              <dd className="break-all font-mono">{mail.outboxFile}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="mail-text" className="space-y-2">
        <h2 id="mail-text" className="text-base font-semibold">
          {t("mail.logText")}
        </h2>
        <pre lang={mail.locale} className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 text-sm whitespace-pre-wrap">
          {mail.textBody}
        </pre>
      </section>
    </div>
  );
}
