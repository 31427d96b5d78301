import type { Metadata } from "next";
import Link from "next/link";
import { TestMailForm } from "@/components/mail/test-mail-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime, isoDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { mailKindLabel, mailStatusLabel } from "@/lib/mail/labels";
import { listMail, MAIL_LOG_PAGE_SIZE } from "@/lib/mail/queries";
import { outboxDir } from "@/lib/mail/transport";
import { sendTestMailAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("mail.logTitle") };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

const tone = { queued: "neutral", sending: "blue", retrying: "amber", sent: "green", written: "green", failed: "red" } as const;

export default async function MailLogPage({ searchParams }: Props) {
  const actor = await requireActor("/mail");
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  if (!can(actor.role, "mail.manage")) {
    return (
      <div className="mx-auto max-w-2xl py-12">
        <p className="text-sm font-medium text-slate-500">403</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("members.forbiddenTitle")}</h1>
        <p className="mt-3 text-slate-700">{t("members.forbiddenBody")}</p>
      </div>
    );
  }
  const raw = (await searchParams).page;
  const pageNumber = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Math.max(1, Number(raw)) : 1;
  const rows = await listMail({ offset: (pageNumber - 1) * MAIL_LOG_PAGE_SIZE, limit: MAIL_LOG_PAGE_SIZE + 1 });
  const page = rows.slice(0, MAIL_LOG_PAGE_SIZE);

  return (
    <div className="space-y-8">
      <PageHeader title={t("mail.logTitle")} intro={t("mail.logIntro")} meta={env().SMTP_URL ? t("mail.logTransportSmtp") : t("mail.logTransportOutbox", { dir: outboxDir() })} />
      <section aria-labelledby="test-mail" className="space-y-3">
        <h2 id="test-mail" className="text-lg font-semibold">
          {t("mail.testHeading2")}
        </h2>
        <TestMailForm
          action={sendTestMailAction}
          defaultAddress={actor.email}
          labels={{ address: t("mail.testAddress"), send: t("mail.testSend"), sending: t("mail.testSending"), queued: t("mail.testQueued") }}
        />
      </section>
      <section aria-labelledby="mail-list" className="space-y-3">
        <h2 id="mail-list" className="text-lg font-semibold">
          {t("mail.logCaption")}
        </h2>
        {page.length === 0 ? (
          <EmptyState title={t("mail.logEmpty")} />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("mail.logCaption")}</caption>
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("mail.logCreatedAt")}</th>
                  <th scope="col" className="px-3 py-2">{t("mail.logRecipient")}</th>
                  <th scope="col" className="px-3 py-2">{t("mail.logSubject")}</th>
                  <th scope="col" className="px-3 py-2">{t("mail.logKind")}</th>
                  <th scope="col" className="px-3 py-2">{t("mail.logStatus")}</th>
                  <th scope="col" className="px-3 py-2">{t("mail.logError")}</th>
                  <th scope="col" className="px-3 py-2">{t("mail.logSentAt")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.map((mail) => (
                  <tr key={mail.id} data-testid="mail-row">
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                      <time dateTime={isoDateTime(mail.createdAt)}>{formatDateTime(mail.createdAt, locale)}</time>
                    </td>
                    <td className="px-3 py-2 break-all">{mail.toAddress}</td>
                    <td className="px-3 py-2">
                      <Link href={`/mail/${mail.id}`}>{mail.subject}</Link>
                    </td>
                    <td className="px-3 py-2">{mailKindLabel(t, mail.kind)}</td>
                    <td className="px-3 py-2">
                      <Badge tone={tone[mail.status]}>{mailStatusLabel(t, mail.status)}</Badge>
                    </td>
                    <td className="px-3 py-2 text-red-800">{mail.lastError ?? ""}</td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                      {mail.sentAt ? <time dateTime={isoDateTime(mail.sentAt)}>{formatDateTime(mail.sentAt, locale)}</time> : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav className="flex gap-4 text-sm" aria-label={t("mail.logCaption")}>
          {pageNumber > 1 ? <Link href="/mail">{t("mail.logNewest")}</Link> : null}
          {rows.length > MAIL_LOG_PAGE_SIZE ? <Link href={`/mail?page=${pageNumber + 1}`}>{t("mail.logOlder")}</Link> : null}
        </nav>
      </section>
    </div>
  );
}
