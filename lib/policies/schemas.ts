import { z } from "zod";
import { optionalRichText } from "../editor/form";
import { briefRelations, instrumentTypes, policyStatuses, priorities } from "../vocab";

/**
 * The policy schemas, shared by the log/edit form, the server actions and the CSV import.
 * Custom messages are catalog keys (translated by lib/actions/result.ts).
 */

export const datePrecisions = ["day", "month"] as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Empty strings (an untouched input) become null. */
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
/** FormData sends one value as a string and several as an array; absent means none. */
const toArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
/** Structured lists (new bodies, passages) travel from the form as one JSON string. */
const jsonList = (v: unknown) => {
  if (typeof v !== "string") return toArray(v);
  if (v.trim() === "") return [];
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().default(null));
const optionalDay = z.preprocess(
  blankToNull,
  z.string().trim().refine(isRealDay, { message: "policies.error.date" }).nullable().default(null),
);

/** Only http(s) links: a `javascript:` or `file:` source URL would be a trap on the policy page. */
export const sourceUrlField = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(2000)
    .refine((v) => {
      try {
        const url = new URL(v);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    }, { message: "policies.error.url" })
    .nullable()
    .default(null),
);

export const newIssuingBodySchema = z.object({
  nameZh: z.string().trim().min(1).max(200),
  nameKo: z.string().trim().min(1).max(200),
});

/**
 * A passage of the brief, as offsets into a revision's plain text plus the quote seen: the current
 * revision for a new pick, or the revision a kept passage was picked on (`revisionId`).
 */
export const passageInputSchema = z.object({
  revisionId: z.uuid().optional(),
  start: z.coerce.number().int().min(0),
  end: z.coerce.number().int().min(1),
  quote: z.string().min(1).max(5000),
});

const MAX_NODES = 50;

const policyFields = z.object({
  titleZh: z.string().trim().min(1, { message: "policies.error.titleZhRequired" }).max(500),
  titleKo: z.string().trim().min(1, { message: "policies.error.titleKoRequired" }).max(500),
  titleEn: optionalText(500),
  issuingBodyIds: z.preprocess(toArray, z.array(z.guid()).max(30)).default([]),
  newIssuingBodies: z.preprocess(jsonList, z.array(newIssuingBodySchema).max(10)).default([]),
  documentNumber: optionalText(200),
  instrumentType: z.enum(instrumentTypes).default("other"),
  status: z.enum(policyStatuses).default("issued"),
  announcedOn: optionalDay,
  announcedPrecision: z.preprocess(blankToNull, z.enum(datePrecisions).nullable().default(null)).transform((v) => v ?? "day"),
  effectiveOn: optionalDay,
  sourceUrl: sourceUrlField,
  lastCheckedOn: optionalDay,
  significance: z.enum(priorities).default("medium"),
  summary: optionalRichText.optional().transform((v) => v ?? null),
  nodeIds: z.preprocess(toArray, z.array(z.guid()).max(MAX_NODES)).default([]),
  relation: z.preprocess(blankToNull, z.enum(briefRelations).nullable().default(null)),
  passages: z.preprocess(jsonList, z.array(passageInputSchema).max(20)).default([]),
  /** Set when the user saw the likely duplicates and chose to save anyway. */
  confirmDuplicates: z.preprocess((v) => v === true || v === "1" || v === "true" || v === "on", z.boolean()).default(false),
});

type Dated = { announcedOn: string | null; effectiveOn: string | null; passages: { start: number; end: number }[] };

function checkDates(v: Dated, ctx: z.RefinementCtx) {
  if (v.announcedOn && v.effectiveOn && v.effectiveOn < v.announcedOn) {
    ctx.addIssue({ code: "custom", path: ["effectiveOn"], message: "policies.error.effectiveBeforeAnnounced" });
  }
  v.passages.forEach((p, i) => {
    if (p.end <= p.start) ctx.addIssue({ code: "custom", path: ["passages", i], message: "policies.error.passage" });
  });
}

export const createPolicySchema = policyFields
  .extend({
    /** The intake entry this policy is logged from: it becomes "logged" in the same transaction. */
    intakeEntryId: z.preprocess(blankToNull, z.guid().nullable().default(null)),
  })
  .superRefine(checkDates);

export const updatePolicySchema = policyFields
  .extend({ id: z.guid(), version: z.coerce.number().int().min(1) })
  .superRefine(checkDates);

export const policyRefSchema = z.object({ id: z.guid() });

/** The fields every policy write stores (the create and update schemas add their own). */
export type PolicyFieldsData = z.output<typeof policyFields>;
export type CreatePolicyInput = z.input<typeof createPolicySchema>;
export type CreatePolicyData = z.output<typeof createPolicySchema>;
export type UpdatePolicyInput = z.input<typeof updatePolicySchema>;
export type UpdatePolicyData = z.output<typeof updatePolicySchema>;
export type PolicyRefInput = z.input<typeof policyRefSchema>;
