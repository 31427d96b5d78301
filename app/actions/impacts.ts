"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { createImpact } from "@/lib/impacts/create-impact";
import { removeImpact } from "@/lib/impacts/remove-impact";
import { createImpactSchema, removeImpactSchema } from "@/lib/response-items/schemas";

/** Links a policy to a response item (from the policy page or the item page). */
export const createImpactAction = validatedAction({ schema: createImpactSchema, permission: "impacts.edit" }, async (input, actor) => {
  const result = await createImpact({ actor, input });
  revalidatePath("/", "layout");
  return result;
});

export const removeImpactAction = validatedAction({ schema: removeImpactSchema, permission: "impacts.edit" }, async (input, actor) => {
  const result = await removeImpact({ actor, input });
  revalidatePath("/", "layout");
  return result;
});
