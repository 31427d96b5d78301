import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { config, needsSession, proxy } from "@/proxy";

describe("proxy", () => {
  const visit = (path: string, cookie?: string) =>
    proxy(new NextRequest(`http://desk.test${path}`, { headers: cookie ? { cookie } : {} }));

  it("sends anonymous visitors of workspace pages to sign-in, remembering the page", () => {
    const response = visit("/policies?status=issued");
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe("/policies?status=issued");
  });

  it("lets a request with a session cookie (plain, secure or chunked) through", () => {
    for (const cookie of ["authjs.session-token=x", "__Secure-authjs.session-token=x", "authjs.session-token.0=x"]) {
      expect(visit("/members", cookie).headers.get("location")).toBeNull();
    }
  });

  it("runs on every request, but redirects only workspace pages", () => {
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    const anonymous = ["/api/auth/session", "/api/health", "/_next/static/chunk.js", "/sign-in", "/forgot-password", "/reset-password/abc", "/invite/abc", "/status", "/favicon.ico", "/robots.txt"];
    for (const url of anonymous) {
      expect(matches(url), url).toBe(true);
      expect(visit(url).headers.get("location"), url).toBeNull();
      expect(needsSession(url), url).toBe(false);
    }
    for (const url of ["/", "/members", "/policies/123", "/profile", "/status/x", "/statuses"]) {
      expect(matches(url), url).toBe(true);
      expect(needsSession(url), url).toBe(true);
    }
  });
});

describe("safeCallbackUrl", () => {
  it.each([
    ["/policies?x=1#a", "/policies?x=1#a"],
    ["/", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/sign-in?callbackUrl=/x", "/"],
    [undefined, "/"],
    [42, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
