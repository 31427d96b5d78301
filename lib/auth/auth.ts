import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { log } from "../log";
import { authConfig } from "./auth.config";
import { authorizeCredentials, SignInRefused } from "./credentials";
import { authSecret } from "./secret";

/**
 * Auth.js with the lazy configuration form: the secret file and the database are first touched
 * by a request, never when a module is imported (e.g. while `next build` collects pages).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  ...authConfig,
  secret: authSecret(),
  // Auth.js prints stack traces to the console by default, one per refused sign-in; route its
  // messages into the structured log instead. A refused sign-in is expected, not an error.
  logger: {
    error(error: Error) {
      // `type`, not `name`: the production build minifies class names, and `name` is one.
      if ((error as { type?: string }).type === "CredentialsSignin") log.info("auth.sign_in_refused", { reason: (error as { code?: string }).code });
      else log.error("auth.error", { error });
    },
    warn(code: string) {
      log.warn("auth.warning", { code });
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const result = await authorizeCredentials(credentials, { headers: request?.headers });
        if (!result.ok) throw new SignInRefused(result.reason);
        return result.user;
      },
    }),
  ],
}));
