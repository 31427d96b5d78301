"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";
import { setMutedKinds } from "@/lib/notifications/mute-kinds";
import { markAllReadSchema, markReadSchema, muteKindsSchema } from "@/lib/notifications/schemas";

// The unread count lives in the shell, on every page: refresh the whole layout.
const refreshAll = () => revalidatePath("/", "layout");

export const markNotificationReadAction = validatedAction({ schema: markReadSchema, permission: "workspace.read" }, async (input, actor) => {
  const result = await markNotificationRead({ actor, input });
  refreshAll();
  return result;
});

export const markAllNotificationsReadAction = validatedAction({ schema: markAllReadSchema, permission: "workspace.read" }, async (_input, actor) => {
  const result = await markAllNotificationsRead({ actor });
  refreshAll();
  return result;
});

export const setMutedKindsAction = validatedAction({ schema: muteKindsSchema, permission: "profile.update" }, async (input, actor) => {
  const result = await setMutedKinds({ actor, input });
  revalidatePath("/inbox");
  return result;
});
