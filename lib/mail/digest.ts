import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, notInArray, sql } from "drizzle-orm";
import { db, type Executor } from "../../db/client";
import {
  activity,
  frameworkDimensions,
  frameworkNodes,
  impacts,
  notifications,
  policies,
  policyFrameworkNodes,
  responseItems,
  users,
  type User,
} from "../../db/schema";
import { addDays } from "../format";
import { entityHref } from "../entity-href";
import { translator } from "../i18n/catalog";
import { deliveryOf } from "../notifications/preferences";
import { itemStatuses, notificationKinds, type ItemStatus, type Locale, type NotificationKind } from "../vocab";
import type { MailContent, MailLine } from "./compose";
import { enqueueMail } from "./enqueue";
import { absoluteUrl } from "./links";
import { notificationLink, targetTitle } from "./notification-mail";

/** Lines per section at most: a digest is a summary, the app has the rest. */
const SECTION_LIMIT = 20;
const DAY_MS = 24 * 60 * 60 * 1000;
const reminderKinds = new Set<NotificationKind>(["due_soon", "overdue"]);

type Recipient = Pick<User, "id" | "email" | "locale" | "notificationDelivery" | "digestTime" | "digestTimeZone" | "digestFrequency" | "lastDigestAt" | "lastDigestOn">;

/** The local calendar date, weekday and time of `now` in `timeZone`. */
export function localClock(now: Date, timeZone: string): { date: string; time: string; weekday: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, weekday: parts.weekday };
}

/** Whether `user`'s digest is due at `now` (at or after their digest time, not yet made today; weekly ones on Mondays). `force`: as if it were digest time. */
export function digestDue(user: Pick<Recipient, "digestTime" | "digestTimeZone" | "digestFrequency" | "lastDigestOn">, now: Date, force = false): string | null {
  if (user.digestFrequency === "off") return null;
  const clock = localClock(now, user.digestTimeZone);
  if (user.lastDigestOn === clock.date) return null;
  if (!force && clock.time < user.digestTime) return null;
  if (user.digestFrequency === "weekly" && !force && clock.weekday !== "Mon") return null;
  return clock.date;
}


/** What the digest says to `user` about what happened after `since`; null when there is nothing to say. */
export async function digestContent(tx: Executor, user: Recipient, since: Date, today: string): Promise<MailContent | null> {
  const locale: Locale = user.locale;
  const t = translator(locale);
  const sections: MailContent["sections"] = [];

  // Notifications of the kinds this member wants in the digest, by kind. Due-soon and overdue
  // reminders are not repeated here: the section of my items due within 7 days or overdue lists
  // every one of them, overdue ones marked.
  const digestKinds = notificationKinds.filter((kind) => !reminderKinds.has(kind) && deliveryOf(user.notificationDelivery, kind) === "digest");
  if (digestKinds.length) {
    const rows = await tx
      .select({ kind: notifications.kind, entityType: notifications.entityType, entityId: notifications.entityId, eventKey: notifications.eventKey, actorName: users.displayName })
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.actorId))
      .where(and(eq(notifications.userId, user.id), inArray(notifications.kind, digestKinds), gt(notifications.createdAt, since)))
      .orderBy(asc(notifications.createdAt))
      .limit(SECTION_LIMIT * digestKinds.length);
    for (const kind of digestKinds) {
      const ofKind = rows.filter((r) => r.kind === kind).slice(0, SECTION_LIMIT);
      if (!ofKind.length) continue;
      const lines: MailLine[] = [];
      for (const row of ofKind) {
        const title = kind === "sign_in_failures" ? t("inbox.signInFailures") : ((await targetTitle(tx, row.entityType, row.entityId, locale)) ?? t("mail.aRecord"));
        lines.push({ text: row.actorName ? `${title} — ${row.actorName}` : title, href: notificationLink({ ...row, kind: kind as NotificationKind }) });
      }
      sections.push({ title: t("mail.digestNotifications", { kind: t(`vocab.notificationKind.${kind}`) }), lines });
    }
  }

  // New policies, by framework dimension (a policy under two dimensions is listed under both).
  const newPolicies = await tx
    .select({ id: policies.id, titleKo: policies.titleKo, titleEn: policies.titleEn, dimensionKo: frameworkDimensions.nameKo, dimensionEn: frameworkDimensions.nameEn, position: frameworkDimensions.position })
    .from(policies)
    .leftJoin(policyFrameworkNodes, eq(policyFrameworkNodes.policyId, policies.id))
    .leftJoin(frameworkNodes, eq(frameworkNodes.id, policyFrameworkNodes.nodeId))
    .leftJoin(frameworkDimensions, eq(frameworkDimensions.id, frameworkNodes.dimensionId))
    .where(and(gt(policies.createdAt, since), isNull(policies.deletedAt)))
    .orderBy(asc(frameworkDimensions.position), desc(policies.createdAt))
    .limit(500);
  const byDimension = new Map<string, Map<string, MailLine>>();
  for (const row of newPolicies) {
    const dimension = row.dimensionKo ? t("mail.digestNewPolicies", { dimension: locale === "en" ? row.dimensionEn! : row.dimensionKo }) : t("mail.digestNewPoliciesUnfiled");
    const lines = byDimension.get(dimension) ?? new Map<string, MailLine>();
    lines.set(row.id, { text: locale === "en" && row.titleEn ? row.titleEn : row.titleKo, href: absoluteUrl(`/policies/${row.id}`) });
    byDimension.set(dimension, lines);
  }
  for (const [title, lines] of byDimension) sections.push({ title, lines: [...lines.values()].slice(0, SECTION_LIMIT) });

  // Impacts awaiting my review, on the items I own.
  const pending = await tx
    .select({ policyTitle: policies.titleKo, itemId: responseItems.id, itemNumber: responseItems.number, itemTitle: responseItems.title })
    .from(impacts)
    .innerJoin(responseItems, eq(responseItems.id, impacts.responseItemId))
    .innerJoin(policies, eq(policies.id, impacts.policyId))
    .where(and(eq(responseItems.ownerId, user.id), isNull(responseItems.archivedAt), isNull(policies.deletedAt), isNull(impacts.acknowledgedAt), isNull(impacts.removedAt)))
    .orderBy(desc(impacts.createdAt))
    .limit(SECTION_LIMIT);
  if (pending.length)
    sections.push({
      title: t("mail.digestImpacts"),
      lines: pending.map((p) => ({ text: t("mail.digestImpact", { policy: p.policyTitle, item: `#${p.itemNumber} ${p.itemTitle}` }), href: absoluteUrl(`/response-items/${p.itemId}`) })),
    });

  // My open items due within 7 days or overdue.
  const due = await tx
    .select({ id: responseItems.id, number: responseItems.number, title: responseItems.title, dueOn: responseItems.dueOn })
    .from(responseItems)
    .where(and(eq(responseItems.ownerId, user.id), isNull(responseItems.archivedAt), lte(responseItems.dueOn, addDays(today, 7)), notInArray(responseItems.status, ["done", "dropped"])))
    .orderBy(asc(responseItems.dueOn))
    .limit(SECTION_LIMIT);
  if (due.length)
    sections.push({
      title: t("mail.digestDue"),
      lines: due.map((item) => ({
        text: t(item.dueOn! < today ? "mail.digestOverdueLine" : "mail.digestDueLine", { item: `#${item.number} ${item.title}`, due: item.dueOn! }),
        href: absoluteUrl(entityHref("response_item", item.id) ?? "/response-items"),
      })),
    });

  // Status changes others made on the items I own.
  const changes = await tx
    .select({ itemId: responseItems.id, number: responseItems.number, title: responseItems.title, before: activity.before, after: activity.after, actorName: users.displayName })
    .from(activity)
    .innerJoin(responseItems, sql`${responseItems.id}::text = ${activity.entityId}`)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(
      and(
        eq(activity.entityType, "response_item"),
        eq(responseItems.ownerId, user.id),
        ne(activity.actorId, user.id),
        gt(activity.at, since),
        sql`${activity.after} ? 'status'`,
        sql`${activity.before}->>'status' is distinct from ${activity.after}->>'status'`,
      ),
    )
    .orderBy(asc(activity.at))
    .limit(SECTION_LIMIT);
  const statusLabel = (value: unknown) => ((itemStatuses as readonly unknown[]).includes(value) ? t(`vocab.itemStatus.${value as ItemStatus}`) : "—");
  if (changes.length)
    sections.push({
      title: t("mail.digestStatusChanges"),
      lines: changes.map((c) => ({
        text: t("mail.digestStatusLine", { item: `#${c.number} ${c.title}`, from: statusLabel(c.before?.status), to: statusLabel(c.after?.status), name: c.actorName ?? t("inbox.system") }),
        href: absoluteUrl(`/response-items/${c.itemId}`),
      })),
    });

  if (!sections.length) return null;
  const sinceText = localClock(since, user.digestTimeZone);
  return {
    subject: t("mail.digestSubject", { date: today }),
    heading: t("mail.digestHeading"),
    paragraphs: [t("mail.digestIntro", { since: `${sinceText.date} ${sinceText.time}` })],
    sections,
    action: { label: t("mail.open"), href: absoluteUrl("/") },
  };
}

/**
 * Makes every digest that is due (or all, with `force`): per member, in one transaction that
 * locks their row, records the digest as made for their local date and queues the mail when there
 * is something to say. Two processes running this at once make one digest per member per day.
 * Returns how many mails were queued.
 */
export async function sendDueDigests({ now = new Date(), force = false }: { now?: Date; force?: boolean } = {}): Promise<number> {
  const candidates = await db()
    .select({ id: users.id, digestTime: users.digestTime, digestTimeZone: users.digestTimeZone, digestFrequency: users.digestFrequency, lastDigestOn: users.lastDigestOn })
    .from(users)
    .where(and(isNull(users.deactivatedAt), ne(users.digestFrequency, "off")));
  let queued = 0;
  for (const candidate of candidates) {
    if (!digestDue(candidate, now, force)) continue;
    queued += await db().transaction(async (tx) => {
      const [user] = await tx.select().from(users).where(and(eq(users.id, candidate.id), isNull(users.deactivatedAt))).for("update");
      const today = user && digestDue(user, now, force);
      if (!user || !today) return 0; // another process made it meanwhile
      const since = user.lastDigestAt ?? new Date(now.getTime() - (user.digestFrequency === "weekly" ? 7 : 1) * DAY_MS);
      await tx.update(users).set({ lastDigestAt: now, lastDigestOn: today }).where(eq(users.id, user.id));
      const content = await digestContent(tx, user, since, today);
      if (!content) return 0;
      const id = await enqueueMail(tx, { to: user.email, userId: user.id, locale: user.locale, kind: "digest", content, unsubscribable: true, dedupeKey: `digest:${user.id}:${today}` });
      return id ? 1 : 0;
    });
  }
  return queued;
}
