import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "./lib/auth/auth.config";

/**
 * Sends visitors without a session cookie to the sign-in page, remembering where they were
 * going. It only looks for the cookie (no database, no token check): pages and actions still
 * check the session themselves, this just spares anonymous visitors an empty workspace.
 */
export function proxy(request: NextRequest): NextResponse {
  const hasSession = request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIE_NAMES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
  if (hasSession) return NextResponse.next();

  const { pathname, search } = request.nextUrl;
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except Auth.js and other API routes, Next's assets, the pages for visitors
  // without an account, and files with an extension (favicon.ico, robots.txt, images).
  matcher: ["/((?!api/|_next/|sign-in|invite/|.*\\.[A-Za-z0-9]+$).*)"],
};
