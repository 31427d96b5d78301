import type { NextAuthConfig } from "next-auth";

/**
 * The edge-safe half of the Auth.js configuration: no database, no file system, no providers.
 * Anything that runs before a route (proxy.ts) may import it.
 */
export const authConfig = {
  // next-auth's routes stay at /api/auth/*; our own pages replace its built-in ones.
  basePath: "/api/auth",
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // The cookie outlives any session on purpose: its row (lib/auth/sessions.ts) decides, with a
  // rolling lifetime the cookie alone could not give (pages cannot re-issue cookies).
  session: { strategy: "jwt", maxAge: 400 * 24 * 60 * 60 },
  // Self-hosted behind whatever proxy the team has: the Host header is trusted (set AUTH_URL to pin it).
  trustHost: true,
  providers: [],
  callbacks: {
    // The token carries the user id, the session version and the session's row only. Role, name
    // and status are read from the database on every request (lib/auth/session.ts), so changes
    // apply at once, and a revoked session row ends the cookie.
    jwt({ token, user }) {
      if (user) {
        const claims = user as { id?: string; sessionVersion?: number; sessionId?: string };
        return { sub: claims.id, sv: claims.sessionVersion, sid: claims.sessionId };
      }
      // `trigger: "update"` is deliberately ignored: a client may POST to /api/auth/session,
      // and letting it refresh `sv` would revive a session that a password change ended.
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub, sessionVersion: token.sv, sessionId: token.sid } } as unknown as typeof session;
    },
  },
} satisfies NextAuthConfig;

/** Session cookie names Auth.js uses (the secure one over HTTPS; large tokens get `.0`, `.1`…). */
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;
