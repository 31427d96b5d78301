import { eq } from "drizzle-orm";
import { db, type Executor } from "../../db/client";
import { users, type User } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { defaultNotificationDelivery, notificationKinds, type NotificationDelivery, type NotificationKind } from "../vocab";
import { notificationPreferencesSchema, type NotificationPreferencesInput } from "./schemas";

type Stored = User["notificationDelivery"];

/** How `kind` reaches a user with these stored choices: their choice, else the kind's default. */
export function deliveryOf(stored: Stored | null | undefined, kind: NotificationKind): NotificationDelivery {
  return stored?.[kind] ?? defaultNotificationDelivery[kind];
}

/** Every kind's delivery for a user (the profile form). */
export function deliveries(stored: Stored | null | undefined): Record<NotificationKind, NotificationDelivery> {
  return Object.fromEntries(notificationKinds.map((kind) => [kind, deliveryOf(stored, kind)])) as Record<NotificationKind, NotificationDelivery>;
}

/** Keeps only the choices that differ from the defaults: a default changed later reaches whoever never chose. */
function storable(all: Record<NotificationKind, NotificationDelivery>): Stored {
  return Object.fromEntries(notificationKinds.filter((kind) => all[kind] !== defaultNotificationDelivery[kind]).map((kind) => [kind, all[kind]]));
}

export type NotificationSettings = Pick<User, "digestTime" | "digestTimeZone" | "digestFrequency" | "weeklyReport"> & { delivery: Record<NotificationKind, NotificationDelivery> };

/** `userId`'s notification settings, defaults filled in. */
export async function getNotificationSettings(userId: string): Promise<NotificationSettings | null> {
  const [row] = await db()
    .select({ stored: users.notificationDelivery, digestTime: users.digestTime, digestTimeZone: users.digestTimeZone, digestFrequency: users.digestFrequency, weeklyReport: users.weeklyReport })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ? { delivery: deliveries(row.stored), digestTime: row.digestTime, digestTimeZone: row.digestTimeZone, digestFrequency: row.digestFrequency, weeklyReport: row.weeklyReport } : null;
}

/** Sets how each kind of notification reaches the actor, and when the digest comes. */
export async function setNotificationPreferences({ actor, input }: { actor: Actor; input: NotificationPreferencesInput }) {
  assertCan(actor, "profile.update");
  const parsed = notificationPreferencesSchema.parse(input);
  return db().transaction(async (tx) => {
    const [before] = await tx
      .select({ stored: users.notificationDelivery, digestTime: users.digestTime, digestTimeZone: users.digestTimeZone, digestFrequency: users.digestFrequency, weeklyReport: users.weeklyReport })
      .from(users)
      .where(eq(users.id, actor.id))
      .for("update");
    const previous = deliveries(before?.stored);
    const next = { ...previous };
    for (const kind of notificationKinds) next[kind] = parsed[kind] ?? previous[kind];
    const after = { notificationDelivery: storable(next), digestTime: parsed.digestTime, digestTimeZone: parsed.digestTimeZone, digestFrequency: parsed.digestFrequency, weeklyReport: parsed.weeklyReport };
    const old = { notificationDelivery: storable(previous), digestTime: before?.digestTime, digestTimeZone: before?.digestTimeZone, digestFrequency: before?.digestFrequency, weeklyReport: before?.weeklyReport };
    if (JSON.stringify(old) !== JSON.stringify(after)) {
      await tx.update(users).set({ ...after, updatedAt: new Date() }).where(eq(users.id, actor.id));
      await recordActivity(tx, { actorId: actor.id, action: "notification.preferences_changed", entityType: "user", entityId: actor.id, before: old, after });
    }
    return { delivery: next, digestTime: after.digestTime, digestTimeZone: after.digestTimeZone, digestFrequency: after.digestFrequency, weeklyReport: after.weeklyReport };
  });
}

/**
 * One-click unsubscribe: no more mail of `kind` for `userId`, nothing else changed. A
 * notification kind sent by mail or in the digest becomes in-app only; `digest` stops the digest,
 * `weekly_report` the weekly report.
 * Returns whether anything changed (unsubscribing twice is fine).
 */
export async function unsubscribe(tx: Executor, userId: string, kind: string): Promise<boolean> {
  const [user] = await tx
    .select({ stored: users.notificationDelivery, digestFrequency: users.digestFrequency, weeklyReport: users.weeklyReport })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!user) return false;
  if (kind === "weekly_report") {
    if (!user.weeklyReport) return false;
    await tx.update(users).set({ weeklyReport: false, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordActivity(tx, { actorId: userId, action: "notification.unsubscribed", entityType: "user", entityId: userId, before: { weeklyReport: true }, after: { weeklyReport: false } });
    return true;
  }
  if (kind === "digest") {
    if (user.digestFrequency === "off") return false;
    await tx.update(users).set({ digestFrequency: "off", updatedAt: new Date() }).where(eq(users.id, userId));
    await recordActivity(tx, { actorId: userId, action: "notification.unsubscribed", entityType: "user", entityId: userId, before: { digestFrequency: user.digestFrequency }, after: { digestFrequency: "off" } });
    return true;
  }
  if (!(notificationKinds as readonly string[]).includes(kind)) return false;
  const current = deliveries(user.stored);
  const k = kind as NotificationKind;
  if (current[k] !== "email" && current[k] !== "digest") return false;
  const next = { ...current, [k]: "in_app" as const };
  await tx.update(users).set({ notificationDelivery: storable(next), updatedAt: new Date() }).where(eq(users.id, userId));
  await recordActivity(tx, {
    actorId: userId,
    action: "notification.unsubscribed",
    entityType: "user",
    entityId: userId,
    before: { [k]: current[k] },
    after: { [k]: "in_app" },
  });
  return true;
}
