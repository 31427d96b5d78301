import { z } from "zod";

/** The framework management schemas, shared by the forms on /framework and the actions. */

const label = z.string().trim().min(1).max(120);
const description = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(2000).nullable().default(null));
const version = z.coerce.number().int().min(1);

export const addNodeSchema = z.object({ dimensionId: z.guid(), labelKo: label, labelEn: label, description });
export const updateNodeSchema = z.object({ id: z.guid(), version, labelKo: label, labelEn: label, description });
export const moveNodeSchema = z.object({ id: z.guid(), direction: z.enum(["up", "down"]) });
export const mergeNodeSchema = z
  .object({ id: z.guid(), intoId: z.guid() })
  .refine((v) => v.id !== v.intoId, { path: ["intoId"], message: "framework.error.mergeSelf" });
export const nodeRefSchema = z.object({ id: z.guid() });

export type AddNodeInput = z.input<typeof addNodeSchema>;
export type UpdateNodeInput = z.input<typeof updateNodeSchema>;
export type MoveNodeInput = z.input<typeof moveNodeSchema>;
export type MergeNodeInput = z.input<typeof mergeNodeSchema>;
export type NodeRefInput = z.input<typeof nodeRefSchema>;
