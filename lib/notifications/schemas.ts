import { z } from "zod";
import { notificationKinds } from "../vocab";

export const markReadSchema = z.object({ notificationId: z.guid() });
export type MarkReadInput = z.input<typeof markReadSchema>;

export const markAllReadSchema = z.object({});

/** The muted kinds, as checkboxes post them (none checked: nothing muted). */
export const muteKindsSchema = z.object({
  muted: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(notificationKinds)).max(notificationKinds.length)),
});
export type MuteKindsInput = z.input<typeof muteKindsSchema>;
