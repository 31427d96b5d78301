import { z } from "zod";
import { requiredRichText } from "../editor/form";

export const MAX_REVISION_NOTE_LENGTH = 500;

/** A new revision of the brief: the whole document, a note, and the brief version the editor read. */
export const publishRevisionSchema = z.object({
  briefId: z.guid(),
  version: z.coerce.number().int().min(1),
  doc: requiredRichText,
  note: z.string().trim().min(1).max(MAX_REVISION_NOTE_LENGTH),
});
export type PublishRevisionInput = z.input<typeof publishRevisionSchema>;
