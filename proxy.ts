import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "./lib/auth/auth.config";
import { log } from "./lib/log";
import { UNSUBSCRIBE_PATH } from "./lib/mail/paths";
import { contentSecurityPolicy, createNonce } from "./lib/security/csp";
import { checkOrigin } from "./lib/security/origin";

/**
 * Runs before every request (pages, RSC requests, server actions, route handlers, static files):
 * 1. refuses requests that may change something unless they come from our own origin
 *    (lib/security/origin.ts) — answered here, before any page, action or database;
 * 2. mints a nonce and sets the Content-Security-Policy on the request (Next reads the nonce from
 *    it and puts it on its own scripts; our code reads `x-nonce`) and on the response;
 * 3. sends visitors without a session cookie to the sign-in page, remembering where they were
 *    going. It only looks for the cookie (no database, no token check): pages and actions still
 *    check the session themselves, this just spares anonymous visitors an empty workspace.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const response = answer(request, nonce, policy);
  response.headers.set("Content-Security-Policy", policy);
  // Served over https (directly or behind a TLS-terminating proxy): browsers keep to https for two
  // years. Browsers ignore the header on plain http, so a forged X-Forwarded-Proto gains nothing.
  if (request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

function answer(request: NextRequest, nonce: string, policy: string): NextResponse {
  const verdict = checkOrigin({
    method: request.method,
    origin: request.headers.get("origin"),
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
    forwardedProto: request.headers.get("x-forwarded-proto"),
    protocol: request.nextUrl.protocol,
  });
  // RFC 8058: a mail provider's one-click unsubscribe POST comes from its servers, without Origin.
  // Exactly that path and method, and never a server action (which any path would dispatch).
  const oneClickUnsubscribe = request.method === "POST" && request.nextUrl.pathname === UNSUBSCRIBE_PATH && !request.headers.has("next-action");
  if (!verdict.allowed && !oneClickUnsubscribe) return refuse(request, verdict.reason);
  // A server action checks the session itself and answers "sign in again" as a result the form
  // shows beside what was typed; a redirect here would replace the page and lose the input.
  const isServerAction = request.method === "POST" && request.headers.has("next-action");
  if (needsSession(request.nextUrl.pathname) && !hasSessionCookie(request) && !isServerAction) return signInRedirect(request);
  return forward(request, nonce, policy);
}

function refuse(request: NextRequest, reason: string): NextResponse {
  log.warn("security.request_refused", { reason, method: request.method, path: request.nextUrl.pathname, origin: request.headers.get("origin") });
  return new NextResponse("Cross-origin request refused.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function forward(request: NextRequest, nonce: string, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  return NextResponse.next({ request: { headers } });
}

/**
 * Paths behind the sign-in redirect: everything except Auth.js and other API routes, Next's
 * assets, the pages for visitors without an account, the public status page, and files with an
 * extension (favicon.ico, robots.txt, images). This was the proxy's whole matcher before it also
 * guarded every request.
 */
const SESSION_PATHS = /^\/(?!api\/|_next\/|sign-in|forgot-password|reset-password\/|invite\/|status$|.*\.[A-Za-z0-9]+$).*$/;

/** Whether an anonymous visitor of `pathname` is sent to the sign-in page. */
export function needsSession(pathname: string): boolean {
  return SESSION_PATHS.test(pathname);
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIE_NAMES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

function signInRedirect(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Every request: the origin rule and the security headers apply to all responses.
  matcher: "/:path*",
};
