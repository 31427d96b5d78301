"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createItemFromAnnotation } from "@/lib/annotations/create-item-from-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { editAnnotation } from "@/lib/annotations/edit-annotation";
import { linkAnnotation } from "@/lib/annotations/link-annotation";
import { reattachAnnotation } from "@/lib/annotations/reattach-annotation";
import { setAnnotationStatus } from "@/lib/annotations/resolve-annotation";
import {
  annotationVersionSchema,
  createAnnotationSchema,
  createItemFromAnnotationSchema,
  editAnnotationSchema,
  importW3CSchema,
  linkAnnotationSchema,
  reattachAnnotationSchema,
} from "@/lib/annotations/schemas";
import { importW3CAnnotations } from "@/lib/annotations/import-w3c";
import { AppError } from "@/lib/actions/result";
import { publishRevision } from "@/lib/brief/publish-revision";
import { publishRevisionSchema } from "@/lib/brief/schemas";

const BRIEF_PATH = "/brief";

export const createAnnotationAction = validatedAction({ schema: createAnnotationSchema, permission: "annotations.edit" }, async (input, actor) => {
  const result = await createAnnotation({ actor, input });
  revalidatePath(BRIEF_PATH);
  return result;
});

export const editAnnotationAction = validatedAction({ schema: editAnnotationSchema, permission: "annotations.edit" }, async (input, actor) => {
  const result = await editAnnotation({ actor, input });
  revalidatePath(BRIEF_PATH);
  return result;
});

/** Puts an orphaned annotation on a passage of the current revision its author selected. */
export const reattachAnnotationAction = validatedAction({ schema: reattachAnnotationSchema, permission: "annotations.edit" }, async (input, actor) => {
  const result = await reattachAnnotation({ actor, input });
  revalidatePath(BRIEF_PATH);
  return result;
});

export const deleteAnnotationAction = validatedAction({ schema: annotationVersionSchema, permission: "annotations.edit" }, async (input, actor) => {
  await deleteAnnotation({ actor, input });
  revalidatePath(BRIEF_PATH);
});

export const resolveAnnotationAction = validatedAction({ schema: annotationVersionSchema, permission: "annotations.edit" }, async (input, actor) => {
  const result = await setAnnotationStatus({ actor, input, status: "resolved" });
  revalidatePath(BRIEF_PATH);
  return result;
});

export const reopenAnnotationAction = validatedAction({ schema: annotationVersionSchema, permission: "annotations.edit" }, async (input, actor) => {
  const result = await setAnnotationStatus({ actor, input, status: "open" });
  revalidatePath(BRIEF_PATH);
  return result;
});

export const linkAnnotationAction = validatedAction({ schema: linkAnnotationSchema, permission: "annotations.edit" }, async (input, actor) => {
  await linkAnnotation({ actor, input });
  revalidatePath(BRIEF_PATH);
  revalidatePath(input.targetType === "policy" ? `/policies/${input.targetId}` : `/response-items/${input.targetId}`);
});

export const createItemFromAnnotationAction = validatedAction(
  { schema: createItemFromAnnotationSchema, permission: "responseItems.edit" },
  async (input, actor) => {
    const result = await createItemFromAnnotation({ actor, input });
    revalidatePath(BRIEF_PATH);
    revalidatePath("/response-items");
    return result;
  },
);

export const publishRevisionAction = validatedAction({ schema: publishRevisionSchema, permission: "briefs.edit" }, async (input, actor) => {
  const result = await publishRevision({ actor, input });
  revalidatePath(BRIEF_PATH, "layout");
  return result;
});

/** Places the annotations of a W3C Web Annotation file (e.g. from Hypothesis) on the current revision. */
export const importW3CAnnotationsAction = validatedAction({ schema: importW3CSchema, permission: "annotations.edit" }, async (input, actor) => {
  let json: unknown;
  try {
    json = JSON.parse(await input.file.text());
  } catch {
    throw new AppError("invalid", { fields: { file: "annotations.importNotJson" } });
  }
  const report = await importW3CAnnotations({ actor, briefId: input.briefId, json });
  revalidatePath(BRIEF_PATH);
  return { report };
});
