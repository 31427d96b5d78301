import { translator } from "../i18n/catalog";
import type { Locale } from "../vocab";
import { absoluteUrl } from "./links";

/** One line of a mail: text, optionally a link (an absolute URL). */
export type MailLine = { text: string; href?: string };

/** What a mail says, independent of its two renderings. Every string is plain text, never markup. */
export type MailContent = {
  subject: string;
  heading: string;
  paragraphs?: string[];
  sections?: { title: string; lines: MailLine[] }[];
  /** The main link of the mail. */
  action?: { label: string; href: string };
};

export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/** Only absolute http(s) links reach a mail; anything else is shown as its text alone. */
function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * Renders `content` as plain text and as HTML in `locale`, with the footer every mail carries:
 * where the preferences are, and the unsubscribe link when there is one.
 */
export function renderMail(locale: Locale, content: MailContent, options: { unsubscribeUrl?: string | null } = {}): RenderedMail {
  const t = translator(locale);
  const preferences = absoluteUrl("/profile#notifications");
  const text: string[] = [content.heading, ""];
  const html: string[] = [`<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(content.heading)}</h1>`];
  for (const paragraph of content.paragraphs ?? []) {
    text.push(paragraph, "");
    html.push(`<p style="margin:0 0 12px">${escapeHtml(paragraph)}</p>`);
  }
  for (const section of content.sections ?? []) {
    text.push(section.title, ...section.lines.map((line) => (safeHref(line.href) ? `- ${line.text}\n  ${safeHref(line.href)}` : `- ${line.text}`)), "");
    html.push(`<h2 style="font-size:15px;margin:16px 0 6px">${escapeHtml(section.title)}</h2>`, "<ul>");
    for (const line of section.lines) {
      const href = safeHref(line.href);
      html.push(href ? `<li><a href="${escapeHtml(href)}">${escapeHtml(line.text)}</a></li>` : `<li>${escapeHtml(line.text)}</li>`);
    }
    html.push("</ul>");
  }
  const action = content.action && safeHref(content.action.href);
  if (content.action && action) {
    text.push(`${content.action.label}: ${action}`, "");
    html.push(`<p style="margin:16px 0"><a href="${escapeHtml(action)}">${escapeHtml(content.action.label)}</a></p>`);
  }
  text.push("-- ", t("mail.footer"), `${t("mail.preferences")}: ${preferences}`);
  html.push(
    `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">`,
    `<p style="color:#666;font-size:12px;margin:0 0 6px">${escapeHtml(t("mail.footer"))}</p>`,
    `<p style="color:#666;font-size:12px;margin:0 0 6px"><a href="${escapeHtml(preferences)}">${escapeHtml(t("mail.preferences"))}</a></p>`,
  );
  if (options.unsubscribeUrl) {
    text.push(`${t("mail.unsubscribe")}: ${options.unsubscribeUrl}`);
    html.push(`<p style="color:#666;font-size:12px;margin:0"><a href="${escapeHtml(options.unsubscribeUrl)}">${escapeHtml(t("mail.unsubscribe"))}</a></p>`);
  }
  const body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#1e293b">${html.join("\n")}</body></html>`;
  return { subject: content.subject, text: `${text.join("\n")}\n`, html: body };
}
