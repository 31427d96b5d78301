"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";
import { markAllReadSchema, markReadSchema } from "@/lib/notifications/schemas";

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
