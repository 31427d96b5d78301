import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { translator } from "../i18n/catalog";
import { unsubscribe } from "../notifications/preferences";
import { notificationKinds, type Locale, type NotificationKind } from "../vocab";
import { readUnsubscribeToken } from "./links";
import { UNSUBSCRIBE_PATH } from "./paths";

export type UnsubscribeTarget = { userId: string; kind: string; locale: Locale };

/** Whom and what a token names, if it is valid, unexpired and its member exists. */
export async function unsubscribeTarget(token: string | null | undefined): Promise<UnsubscribeTarget | null> {
  const claim = token ? readUnsubscribeToken(token) : null;
  if (!claim) return null;
  const [user] = await db().select({ locale: users.locale }).from(users).where(eq(users.id, claim.userId)).limit(1);
  return user ? { userId: claim.userId, kind: claim.kind, locale: user.locale } : null;
}

/** Follows a valid token: no more mail of its kind for its member (see `unsubscribe`). */
export async function unsubscribeWithToken(token: string | null | undefined): Promise<UnsubscribeTarget | null> {
  const target = await unsubscribeTarget(token);
  if (!target) return null;
  await db().transaction((tx) => unsubscribe(tx, target.userId, target.kind));
  return target;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

function kindLabel(locale: Locale, kind: string): string {
  const t = translator(locale);
  if (kind === "weekly_report") return t("reports.weeklyKind");
  return (notificationKinds as readonly string[]).includes(kind) ? t(`vocab.notificationKind.${kind as NotificationKind}`) : t("mail.digestKind");
}

/**
 * The small page a person sees who opens the unsubscribe link in a browser: a question and a
 * button (a GET never changes anything, so link scanners unsubscribe nobody), then the result.
 */
export function unsubscribePage(state: { step: "ask"; target: UnsubscribeTarget; token: string } | { step: "done"; target: UnsubscribeTarget } | { step: "invalid"; locale: Locale }): string {
  const locale = state.step === "invalid" ? state.locale : state.target.locale;
  const t = translator(locale);
  let body: string;
  if (state.step === "invalid") body = `<p>${escapeHtml(t("mail.unsubscribeInvalid"))}</p>`;
  else if (state.step === "done") body = `<p role="status">${escapeHtml(t("mail.unsubscribeDone", { kind: kindLabel(locale, state.target.kind) }))}</p>`;
  else
    body =
      `<p>${escapeHtml(t("mail.unsubscribeQuestion", { kind: kindLabel(locale, state.target.kind) }))}</p>` +
      `<form method="post" action="${UNSUBSCRIBE_PATH}?token=${escapeHtml(encodeURIComponent(state.token))}">` +
      `<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t("mail.unsubscribeConfirm"))}</button></form>`;
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t("mail.unsubscribeTitle"))}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${escapeHtml(t("mail.unsubscribeTitle"))}</h1>${body}</body></html>`;
}
