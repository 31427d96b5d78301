"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { addNode } from "@/lib/framework/add-node";
import { archiveNode } from "@/lib/framework/archive-node";
import { deleteNode } from "@/lib/framework/delete-node";
import { mergeNode } from "@/lib/framework/merge-node";
import { moveNode } from "@/lib/framework/move-node";
import { unarchiveNode } from "@/lib/framework/unarchive-node";
import { addNodeSchema, mergeNodeSchema, moveNodeSchema, nodeRefSchema, updateNodeSchema } from "@/lib/framework/schemas";
import { updateNode } from "@/lib/framework/update-node";

function refresh() {
  revalidatePath("/framework");
  revalidatePath("/policies");
}

export const addNodeAction = validatedAction({ schema: addNodeSchema, permission: "framework.edit" }, async (input, actor) => {
  await addNode({ actor, input });
  refresh();
});

export const updateNodeAction = validatedAction({ schema: updateNodeSchema, permission: "framework.edit" }, async (input, actor) => {
  await updateNode({ actor, input });
  refresh();
});

export const moveNodeAction = validatedAction({ schema: moveNodeSchema, permission: "framework.edit" }, async (input, actor) => {
  await moveNode({ actor, input });
  refresh();
});

export const mergeNodeAction = validatedAction({ schema: mergeNodeSchema, permission: "framework.edit" }, async (input, actor) => {
  await mergeNode({ actor, input });
  refresh();
});

export const archiveNodeAction = validatedAction({ schema: nodeRefSchema, permission: "framework.edit" }, async (input, actor) => {
  await archiveNode({ actor, input });
  refresh();
});

export const unarchiveNodeAction = validatedAction({ schema: nodeRefSchema, permission: "framework.edit" }, async (input, actor) => {
  await unarchiveNode({ actor, input });
  refresh();
});

export const deleteNodeAction = validatedAction({ schema: nodeRefSchema, permission: "framework.edit" }, async (input, actor) => {
  await deleteNode({ actor, input });
  refresh();
});
