"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { addProgressUpdate } from "@/lib/response-items/add-progress-update";
import { setResponseItemArchived } from "@/lib/response-items/archive-response-item";
import { assignOwner } from "@/lib/response-items/assign-owner";
import { createResponseItem } from "@/lib/response-items/create-response-item";
import {
  addProgressUpdateSchema,
  archiveResponseItemSchema,
  assignOwnerSchema,
  createResponseItemSchema,
  updateResponseItemSchema,
} from "@/lib/response-items/schemas";
import { updateResponseItem } from "@/lib/response-items/update-response-item";

// Items appear on the list, board, dashboard, matrix, report and policy pages.
const refresh = () => revalidatePath("/", "layout");

export const createResponseItemAction = validatedAction(
  { schema: createResponseItemSchema, permission: "responseItems.edit" },
  async (input, actor) => {
    const result = await createResponseItem({ actor, input });
    refresh();
    return result;
  },
);

export const updateResponseItemAction = validatedAction(
  { schema: updateResponseItemSchema, permission: "responseItems.edit" },
  async (input, actor) => {
    const result = await updateResponseItem({ actor, input });
    refresh();
    return result;
  },
);

export const assignOwnerAction = validatedAction(
  { schema: assignOwnerSchema, permission: "responseItems.edit" },
  async (input, actor) => {
    const result = await assignOwner({ actor, input });
    refresh();
    return result;
  },
);

/** The owner (whatever their role) or any editor: the verb decides, from the item's row. */
export const addProgressUpdateAction = validatedAction(
  { schema: addProgressUpdateSchema, permission: "workspace.read" },
  async (input, actor) => {
    const result = await addProgressUpdate({ actor, input });
    refresh();
    return result;
  },
);

export const archiveResponseItemAction = validatedAction(
  { schema: archiveResponseItemSchema, permission: "responseItems.edit" },
  async (input, actor) => {
    const result = await setResponseItemArchived({ actor, input, archived: true });
    refresh();
    return result;
  },
);

export const unarchiveResponseItemAction = validatedAction(
  { schema: archiveResponseItemSchema, permission: "responseItems.edit" },
  async (input, actor) => {
    const result = await setResponseItemArchived({ actor, input, archived: false });
    refresh();
    return result;
  },
);
