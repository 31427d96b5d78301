import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/sign-out";
import { DraftOwner } from "@/components/live/drafts";
import { MessagesProvider } from "@/components/i18n/messages-provider";
import { LiveUpdates } from "@/components/live/live-updates";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { type NavItem, NavLinks } from "@/components/shell/nav-links";
import { SavedSearchNav } from "@/components/shell/saved-search-nav";
import { HeaderSearch } from "@/components/search/header-search";
import { getActor } from "@/lib/auth/session";
import { pick } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { countNewEntries } from "@/lib/intake/queries";
import { countUnread } from "@/lib/notifications/queries";
import { listSavedSearches } from "@/lib/saved-searches/queries";

/**
 * The signed-in workspace: skip link, header (app name, language, user, sign-out), navigation to
 * every screen, and the page. Anonymous visitors are sent to the sign-in page.
 */
export async function WorkspaceShell({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  const [t, unread, intakeNew, savedSearches] = await Promise.all([getT(), countUnread(actor.id), countNewEntries(), listSavedSearches(actor.id)]);

  const nav: NavItem[] = [
    { href: "/", label: t("nav.dashboard") },
    { href: "/brief", label: t("nav.brief") },
    { href: "/intake", label: t("nav.intake"), badge: { count: intakeNew, label: t("nav.intakeNewCount", { count: intakeNew }) } },
    { href: "/policies", label: t("nav.policies") },
    { href: "/response-items", label: t("nav.responseItems") },
    { href: "/framework", label: t("nav.framework") },
    { href: "/activity", label: t("nav.activity") },
    { href: "/reports", label: t("nav.reports") },
    { href: "/inbox", label: t("nav.inbox"), badge: { count: unread, label: t("nav.unreadCount", { count: unread }) } },
    ...(actor.role === "admin" ? [{ href: "/members", label: t("nav.members") }, { href: "/mail", label: t("nav.mail") }] : []),
    { href: "/profile", label: t("nav.profile") },
  ];

  return (
    <MessagesProvider messages={pick(actor.locale, "common", "live")}>
      <LiveUpdates userId={actor.id} />
      <a href="#main" className="skip-link">
        {t("common.skipToContent")}
      </a>
      <div className="min-h-screen md:grid md:grid-cols-[12.5rem_minmax(0,1fr)] md:grid-rows-[auto_1fr]">
        <header data-print="hide" className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2.5 md:col-span-2">
          <Link href="/" className="mr-auto text-base font-semibold tracking-tight text-slate-900 no-underline hover:no-underline">
            {t("common.appName")}
          </Link>
          <HeaderSearch />
          <LanguageSwitch
            current={actor.locale}
            label={t("common.language")}
            pendingLabel={t("nav.switching")}
            options={[
              { value: "ko", label: t("common.languageKo") },
              { value: "en", label: t("common.languageEn") },
            ]}
          />
          <div className="flex items-center gap-3 text-sm">
            <Link href="/profile" className="max-w-[12rem] truncate text-slate-700" title={t("nav.signedInAs", { name: actor.displayName })}>
              <span className="sr-only">{t("nav.signedInAs", { name: actor.displayName })}</span>
              <span aria-hidden="true">{actor.displayName}</span>
            </Link>
            <span className="hidden rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 sm:inline">{t(`vocab.role.${actor.role}`)}</span>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
              >
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </header>
        <nav data-print="hide" aria-label={t("nav.mainNav")} className="border-b border-slate-200 bg-slate-100/60 md:border-r md:border-b-0">
          <div className="md:sticky md:top-0">
            <NavLinks items={nav} />
            <SavedSearchNav searches={savedSearches} t={t} />
          </div>
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 px-4 py-6 focus:outline-none sm:px-6 lg:px-10 lg:py-8">
          <div className="mx-auto max-w-6xl">
            <DraftOwner userId={actor.id}>{children}</DraftOwner>
          </div>
        </main>
      </div>
    </MessagesProvider>
  );
}
