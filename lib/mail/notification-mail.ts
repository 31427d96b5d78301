import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { policies, responseItems, users } from "../../db/schema";
import { commentIdOfEventKey, entityHref } from "../entity-href";
import { translator } from "../i18n/catalog";
import { isUuid } from "../uuid";
import type { Locale, NotificationKind } from "../vocab";
import type { MailContent } from "./compose";
import { absoluteUrl } from "./links";

type About = { kind: NotificationKind; entityType: string; entityId: string; eventKey: string; actorId: string | null };

/** The title of what a notification is about (a policy's or an item's), in the recipient's language where the record has one. */
export async function targetTitle(tx: Executor, entityType: string, entityId: string, locale: Locale): Promise<string | null> {
  if (!isUuid(entityId)) return null;
  if (entityType === "policy") {
    const [row] = await tx.select({ ko: policies.titleKo, en: policies.titleEn }).from(policies).where(eq(policies.id, entityId)).limit(1);
    return row ? (locale === "en" && row.en ? row.en : row.ko) : null;
  }
  if (entityType === "response_item") {
    const [row] = await tx.select({ number: responseItems.number, title: responseItems.title }).from(responseItems).where(eq(responseItems.id, entityId)).limit(1);
    return row ? `#${row.number} ${row.title}` : null;
  }
  return null;
}

/** Where a notification leads, as an absolute link. */
export function notificationLink(about: Pick<About, "kind" | "entityType" | "entityId" | "eventKey">): string {
  if (about.kind === "sign_in_failures") return absoluteUrl("/profile");
  return absoluteUrl(entityHref(about.entityType, about.entityId, { commentId: commentIdOfEventKey(about.eventKey) }) ?? "/inbox");
}

/** The mail for one notification, sent at once to someone who chose mail for its kind. */
export async function notificationMail(tx: Executor, about: About, locale: Locale): Promise<MailContent> {
  const t = translator(locale);
  const kindLabel = t(`vocab.notificationKind.${about.kind}`);
  const [actor] = about.actorId ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, about.actorId)).limit(1) : [];
  const title = about.kind === "sign_in_failures" ? t("inbox.signInFailures") : ((await targetTitle(tx, about.entityType, about.entityId, locale)) ?? t("mail.aRecord"));
  return {
    subject: t("mail.notificationSubject", { kind: kindLabel, target: title }),
    heading: kindLabel,
    paragraphs: [actor ? t("mail.notificationFrom", { name: actor.name }) : t("mail.notificationSystem"), title],
    action: { label: t("mail.open"), href: notificationLink(about) },
  };
}
