"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { deleteSavedSearch } from "@/lib/saved-searches/delete-saved-search";
import { saveSearch } from "@/lib/saved-searches/save-search";
import { savedSearchRefSchema, saveSearchSchema, setSavedSearchAlertSchema, updateSavedSearchSchema } from "@/lib/saved-searches/schemas";
import { setSavedSearchAlert } from "@/lib/saved-searches/set-alert";
import { updateSavedSearch } from "@/lib/saved-searches/update-saved-search";

// Saved searches are listed in the shell's navigation, on every page: refresh the whole layout.
const refreshAll = () => revalidatePath("/", "layout");

/** Saves the current policies or intake view under a name (private, or shared by editors and admins). */
export const saveSearchAction = validatedAction({ schema: saveSearchSchema, permission: "savedSearches.save" }, async (input, actor) => {
  const result = await saveSearch({ actor, input });
  refreshAll();
  return result;
});

/** Renames, shares or unshares one's own saved search. */
export const updateSavedSearchAction = validatedAction({ schema: updateSavedSearchSchema, permission: "savedSearches.save" }, async (input, actor) => {
  const result = await updateSavedSearch({ actor, input });
  refreshAll();
  return result;
});

export const deleteSavedSearchAction = validatedAction({ schema: savedSearchRefSchema, permission: "savedSearches.save" }, async (input, actor) => {
  await deleteSavedSearch({ actor, input });
  refreshAll();
});

/** "Alert me" on or off, for the caller. */
export const setSavedSearchAlertAction = validatedAction({ schema: setSavedSearchAlertSchema, permission: "savedSearches.save" }, async (input, actor) => {
  const result = await setSavedSearchAlert({ actor, input });
  refreshAll();
  return result;
});
