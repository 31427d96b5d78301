"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { getT } from "@/lib/i18n/server";
import { importSourcesFromOpml } from "@/lib/intake/import-sources";
import { checkSourceNow, createSource, deleteSource, setSourceEnabled, updateSource } from "@/lib/intake/manage-sources";
import { previewSource } from "@/lib/intake/preview-source";
import {
  dismissEntriesSchema,
  entryRefSchema,
  importOpmlSchema,
  markDuplicateSchema,
  setSourceEnabledSchema,
  sourceRefSchema,
  sourceSchema,
  updateSourceSchema,
} from "@/lib/intake/schemas";
import { dismissEntries, markDuplicate, reopenEntry } from "@/lib/intake/triage";

// The new-entry count lives in the navigation, on every page: refresh the whole layout.
const refreshAll = () => revalidatePath("/", "layout");

export const createSourceAction = validatedAction({ schema: sourceSchema, permission: "intake.manage" }, async (input, actor) => {
  const result = await createSource({ actor, input });
  revalidatePath("/intake/sources");
  return result;
});

export const updateSourceAction = validatedAction({ schema: updateSourceSchema, permission: "intake.manage" }, async (input, actor) => {
  const result = await updateSource({ actor, input });
  revalidatePath("/intake/sources");
  return result;
});

/** "Test this source": what a check would pick up, nothing saved. */
export const testSourceAction = validatedAction({ schema: sourceSchema, permission: "intake.manage" }, async (input) => {
  return { preview: await previewSource(input, await getT()) };
});

export const setSourceEnabledAction = validatedAction({ schema: setSourceEnabledSchema, permission: "intake.manage" }, async (input, actor) => {
  const result = await setSourceEnabled({ actor, input });
  revalidatePath("/intake/sources");
  return result;
});

export const deleteSourceAction = validatedAction({ schema: sourceRefSchema, permission: "intake.manage" }, async (input, actor) => {
  const result = await deleteSource({ actor, input });
  revalidatePath("/intake/sources");
  return result;
});

export const checkSourceNowAction = validatedAction({ schema: sourceRefSchema, permission: "intake.manage" }, async (input, actor) => {
  const result = await checkSourceNow({ actor, input });
  refreshAll();
  return result;
});

export const importOpmlAction = validatedAction({ schema: importOpmlSchema, permission: "intake.manage" }, async (input, actor) => {
  const report = await importSourcesFromOpml({ actor, opml: input.opml });
  revalidatePath("/intake/sources");
  return { report };
});

export const dismissEntriesAction = validatedAction({ schema: dismissEntriesSchema, permission: "intake.manage" }, async (input, actor) => {
  const result = await dismissEntries({ actor, input });
  refreshAll();
  return result;
});

export const markDuplicateAction = validatedAction({ schema: markDuplicateSchema, permission: "intake.manage" }, async (input, actor) => {
  const result = await markDuplicate({ actor, input });
  refreshAll();
  return result;
});

export const reopenEntryAction = validatedAction({ schema: entryRefSchema, permission: "intake.manage" }, async (input, actor) => {
  const result = await reopenEntry({ actor, input });
  refreshAll();
  return result;
});
