import { z } from "zod";
import { digestFrequencies, notificationDeliveries, notificationKinds, type NotificationKind } from "../vocab";

export const markReadSchema = z.object({ notificationId: z.guid() });
export type MarkReadInput = z.input<typeof markReadSchema>;

export const markAllReadSchema = z.object({});

/** A valid IANA time zone name, as the runtime knows them. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const deliveryFields = Object.fromEntries(notificationKinds.map((kind) => [kind, z.enum(notificationDeliveries).optional()])) as {
  [K in NotificationKind]: z.ZodOptional<z.ZodEnum<{ [D in (typeof notificationDeliveries)[number]]: D }>>;
};

/** The notification preferences form: one choice per kind (a kind left out keeps its current choice), and the digest's schedule. */
export const notificationPreferencesSchema = z.object({
  ...deliveryFields,
  digestTime: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM"),
  digestTimeZone: z.string().trim().max(64).refine(isTimeZone, "time zone"),
  digestFrequency: z.enum(digestFrequencies),
  /** The weekly report by mail on Monday mornings: a checkbox ("on" when ticked, absent otherwise). */
  weeklyReport: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).default(false),
});
export type NotificationPreferencesInput = z.input<typeof notificationPreferencesSchema>;
