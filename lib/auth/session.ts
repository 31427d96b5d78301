import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import type { Locale, Role } from "../vocab";
import { AuthError } from "next-auth";
import { auth, signIn } from "./auth";
import { can, type Permission } from "./permissions";
import { type SessionToken, userOfSession } from "./sessions";

/** The signed-in user as every page and action sees them: always fresh from the database. */
export type Actor = { id: string; email: string; displayName: string; role: Role; locale: Locale };

// What lib/auth/auth.config.ts puts into `session.user`. Anything else is no session at all.
const sessionSchema = z.object({
  user: z.object({ id: z.uuid(), sessionVersion: z.number().int(), sessionId: z.uuid() }),
});

/** The session token of this request (who, which version, which session row), or null. */
export const sessionToken = cache(async (): Promise<SessionToken | null> => {
  const parsed = sessionSchema.safeParse(await auth());
  if (!parsed.success) return null;
  const { id, sessionVersion, sessionId } = parsed.data.user;
  return { userId: id, sessionVersion, sessionId };
});

/**
 * The request's actor, or null. The token only says who signed in, with which session version,
 * in which session; the rows decide the rest, so signing out, deactivation, a role change or a
 * password change (each bumps `sessionVersion`) end sessions at their next request, and an unused
 * session lapses (lib/auth/sessions.ts). Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await sessionToken();
  const user = token ? await userOfSession(token) : null;
  return user && { id: user.id, email: user.email, displayName: user.displayName, role: user.role, locale: user.locale };
});

/** For pages: the actor, or a redirect to the sign-in page (which comes back to `returnTo`). */
export async function requireActor(returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  redirect(returnTo ? `/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}` : "/sign-in");
}

/** For pages: whether the signed-in actor holds `permission` (the page renders a 403 view if not). */
export async function actorCan(permission: Permission): Promise<boolean> {
  const actor = await getActor();
  return actor !== null && can(actor.role, permission);
}

/**
 * Issues a fresh session cookie for the current browser after the account's session version
 * moved (a password change), by signing in again with the new password. False when that was
 * refused (e.g. rate-limited): the caller then asks the user to sign in again.
 */
export async function reissueSession(email: string, password: string): Promise<boolean> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return true;
  } catch (error) {
    if (error instanceof AuthError) return false;
    throw error;
  }
}
