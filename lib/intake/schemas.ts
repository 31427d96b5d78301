import { z } from "zod";
import { sourceKinds } from "../vocab";

/** The intake schemas, shared by the sources form, the triage controls and their server actions. */

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalSelector = z.preprocess(blankToNull, z.string().trim().max(500).nullable().default(null));
const checkbox = z.preprocess((v) => v === true || v === "1" || v === "true" || v === "on", z.boolean());
const toArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** Shortest interval between two checks of one source, in minutes. */
export const MIN_INTERVAL_MINUTES = 15;
export const DEFAULT_INTERVAL_MINUTES = 360;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** A required http(s) URL: the server fetches nothing else. */
export const webUrlField = z
  .string({ message: "intake.error.urlRequired" })
  .trim()
  .min(1, { message: "intake.error.urlRequired" })
  .max(2000)
  .refine(isHttpUrl, { message: "policies.error.url" });

const sourceFields = z.object({
  name: z.string().trim().min(1, { message: "intake.error.nameRequired" }).max(200),
  url: webUrlField,
  kind: z.enum(sourceKinds),
  linkSelector: optionalSelector,
  titleSelector: optionalSelector,
  dateSelector: optionalSelector,
  intervalMinutes: z.coerce
    .number()
    .int()
    .min(MIN_INTERVAL_MINUTES, { message: "intake.error.intervalTooShort" })
    .max(60 * 24 * 31)
    .default(DEFAULT_INTERVAL_MINUTES),
  enabled: checkbox.default(true),
});

/** An HTML list page is read through its link selector: without one nothing would be found. */
function selectorNeeded(v: { kind: string; linkSelector: string | null }, ctx: z.RefinementCtx) {
  if (v.kind === "html_list" && !v.linkSelector) {
    ctx.addIssue({ code: "custom", path: ["linkSelector"], message: "intake.error.selectorRequired" });
  }
}

export const sourceSchema = sourceFields.superRefine(selectorNeeded);
export const updateSourceSchema = sourceFields
  .extend({ id: z.guid(), version: z.coerce.number().int().min(1) })
  .superRefine(selectorNeeded);
export const sourceRefSchema = z.object({ id: z.guid() });
export const setSourceEnabledSchema = z.object({ id: z.guid(), enabled: checkbox });

export const dismissEntriesSchema = z.object({
  ids: z.preprocess(toArray, z.array(z.guid()).min(1, { message: "intake.error.noneSelected" }).max(500)),
  reason: z.preprocess(blankToNull, z.string().trim().max(500).nullable().default(null)),
});
export const markDuplicateSchema = z.object({ id: z.guid(), policyId: z.guid() });
export const entryRefSchema = z.object({ id: z.guid() });
/** "Fill from URL" on the new-policy form. */
export const draftFromUrlSchema = z.object({ url: webUrlField });
export const importOpmlSchema = z.object({ opml: z.string().min(1, { message: "intake.error.opmlEmpty" }).max(2_000_000) });

export type SourceInput = z.input<typeof sourceSchema>;
export type SourceData = z.output<typeof sourceSchema>;
export type UpdateSourceInput = z.input<typeof updateSourceSchema>;
export type DismissEntriesInput = z.input<typeof dismissEntriesSchema>;
export type MarkDuplicateInput = z.input<typeof markDuplicateSchema>;
