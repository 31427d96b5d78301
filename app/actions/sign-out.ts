"use server";

import { signOut } from "@/lib/auth/auth";

/** Ends this browser's session and opens the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
