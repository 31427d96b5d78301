import type { NextAuthConfig } from "next-auth";

/**
 * The edge-safe half of the Auth.js configuration: no database, no file system, no providers.
 * Anything that runs before a route (proxy.ts) may import it.
 */
export const authConfig = {
  // next-auth's routes stay at /api/auth/*; our own pages replace its built-in ones.
  basePath: "/api/auth",
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt" },
  // Self-hosted behind whatever proxy the team has: the Host header is trusted (set AUTH_URL to pin it).
  trustHost: true,
  providers: [],
  callbacks: {
    // The token carries the user id and the session version only. Role, name and status are
    // read from the database on every request (lib/auth/session.ts), so changes apply at once.
    jwt({ token, user }) {
      if (user) {
        const claims = user as { id?: string; sessionVersion?: number };
        return { sub: claims.id, sv: claims.sessionVersion };
      }
      // `trigger: "update"` is deliberately ignored: a client may POST to /api/auth/session,
      // and letting it refresh `sv` would revive a session that a password change ended.
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub, sessionVersion: token.sv } } as unknown as typeof session;
    },
  },
} satisfies NextAuthConfig;

/** Session cookie names Auth.js uses (the secure one over HTTPS; large tokens get `.0`, `.1`…). */
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;
