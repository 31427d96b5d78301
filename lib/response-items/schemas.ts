import { z } from "zod";
import { optionalRichText } from "../editor/form";
import { itemStatuses, priorities } from "../vocab";

/**
 * Response item and impact schemas, shared by the forms (field names, limits) and the actions.
 * Messages are catalog keys (translated by lib/actions/result.ts).
 */

export const ITEM_TITLE_MAX = 200;
export const UPDATE_BODY_MAX = 5000;
export const IMPACT_NOTE_MAX = 2000;

const rowId = z.guid();
/** The `version` a form read, for optimistic concurrency. */
const version = z.coerce.number().int().min(1);
/** A form posts a repeated name as an array, a single one as a string, none as nothing. */
const idList = z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(rowId).max(200));
/** 'YYYY-MM-DD' or empty (no due date). */
const dueOn = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.iso.date({ message: "validation.invalid" }).nullable(),
);

const itemFields = {
  title: z.string().trim().min(1).max(ITEM_TITLE_MAX),
  // A form without the editor (or a caller) may leave it out: no description.
  description: optionalRichText.optional().transform((doc) => doc ?? null),
  nodeIds: idList,
  priority: z.enum(priorities),
  dueOn,
};

export const createResponseItemSchema = z.object(itemFields);

export const updateResponseItemSchema = z.object({ id: rowId, version, ...itemFields });

/** `ownerId` empty: the item becomes unowned. */
export const assignOwnerSchema = z.object({
  id: rowId,
  version,
  ownerId: z.preprocess((v) => (v === "" || v === undefined ? null : v), rowId.nullable()),
});

/**
 * A progress update: text, optionally a new status, and the impacts it acknowledges. Moving to
 * blocked must say why; a bare status change (the board) has no text and acknowledges nothing.
 */
export const addProgressUpdateSchema = z
  .object({
    id: rowId,
    /** The version the status was chosen on (a status change on a newer one is a conflict). */
    version,
    status: z.enum(itemStatuses),
    body: z.string().trim().max(UPDATE_BODY_MAX).default(""),
    acknowledgeImpactIds: idList,
  })
  .refine((v) => v.status !== "blocked" || v.body.length > 0, { path: ["body"], message: "items.blockedNeedsReason" });

export const archiveResponseItemSchema = z.object({ id: rowId, version });

export const createImpactSchema = z.object({
  policyId: rowId,
  responseItemId: rowId,
  note: z.string().trim().max(IMPACT_NOTE_MAX).default(""),
});

export const removeImpactSchema = z.object({ impactId: rowId });

export type CreateResponseItemInput = z.input<typeof createResponseItemSchema>;
export type UpdateResponseItemInput = z.input<typeof updateResponseItemSchema>;
export type AssignOwnerInput = z.input<typeof assignOwnerSchema>;
export type AddProgressUpdateInput = z.input<typeof addProgressUpdateSchema>;
export type ArchiveResponseItemInput = z.input<typeof archiveResponseItemSchema>;
export type CreateImpactInput = z.input<typeof createImpactSchema>;
export type RemoveImpactInput = z.input<typeof removeImpactSchema>;
