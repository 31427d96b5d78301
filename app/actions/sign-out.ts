"use server";

import { signOut } from "@/lib/auth/auth";
import { sessionToken } from "@/lib/auth/session";
import { revokeSession } from "@/lib/auth/sessions";

/**
 * Ends this browser's session — on the server first, so a copy of the cookie is worthless from
 * now on and this session's live streams close — then clears the cookie and opens the sign-in page.
 */
export async function signOutAction(): Promise<void> {
  const token = await sessionToken();
  if (token) await revokeSession(token.userId, token.sessionId);
  await signOut({ redirectTo: "/sign-in" });
}
