import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";
import { checkOrigin, ownOrigin, type OriginFacts } from "@/lib/security/origin";
import { proxy } from "@/proxy";

/** The policy as a map of directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123" }));

  it("lets only scripts carrying the nonce run, and what they load", () => {
    const scripts = policy.get("script-src")!;
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts.some((source) => source === "*" || source.endsWith(":"))).toBe(false);
  });

  it("forbids framing, plugins, foreign base URLs and foreign form targets", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("keeps inline styles (style attributes) without a nonce, which would disable 'unsafe-inline'", () => {
    const styles = policy.get("style-src")!;
    expect(styles).toContain("'unsafe-inline'");
    expect(styles.some((source) => source.startsWith("'nonce-"))).toBe(false);
  });

  it("allows eval only for the development server", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
  });
});

describe("createNonce", () => {
  it("is base64 of 16 random bytes, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("checkOrigin", () => {
  const post = (facts: Partial<OriginFacts>): OriginFacts => ({
    method: "POST",
    origin: "http://desk.test:3000",
    host: "desk.test:3000",
    forwardedHost: null,
    forwardedProto: null,
    protocol: "http:",
    ...facts,
  });

  it("never blocks GET, HEAD or OPTIONS, whatever the origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(checkOrigin(post({ method, origin: "https://evil.example" })).allowed, method).toBe(true);
      expect(checkOrigin(post({ method, origin: null })).allowed, method).toBe(true);
    }
  });

  it("lets a write from the app's own origin through", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(checkOrigin(post({ method })).allowed, method).toBe(true);
    expect(checkOrigin(post({ origin: "http://DESK.test:3000" })).allowed).toBe(true);
  });

  it("refuses writes from another site, a null origin or without an origin", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(checkOrigin(post({ method, origin: "https://evil.example" })), method).toEqual({ allowed: false, reason: "cross-origin" });
      expect(checkOrigin(post({ method, origin: "null" })), method).toEqual({ allowed: false, reason: "null-origin" });
      expect(checkOrigin(post({ method, origin: null })), method).toEqual({ allowed: false, reason: "missing-origin" });
      expect(checkOrigin(post({ method, origin: "" })), method).toEqual({ allowed: false, reason: "missing-origin" });
    }
  });

  it("compares scheme, host and port, not a prefix", () => {
    for (const origin of [
      "https://desk.test:3000",
      "http://desk.test",
      "http://desk.test:3001",
      "http://desk.test:3000.evil.example",
      "http://evil.desk.test:3000",
      "http://desk.test:3000/",
    ]) {
      expect(checkOrigin(post({ origin })).allowed, origin).toBe(false);
    }
  });

  it("refuses when the request names no host at all", () => {
    expect(checkOrigin(post({ host: null }))).toEqual({ allowed: false, reason: "unknown-host" });
  });

  it("takes the origin a reverse proxy reports (first X-Forwarded-* value)", () => {
    const behindProxy = { host: "127.0.0.1:3000", forwardedHost: "desk.example.org, 10.0.0.2", forwardedProto: "https" };
    expect(ownOrigin({ ...behindProxy, protocol: "http:" })).toBe("https://desk.example.org");
    expect(checkOrigin(post({ ...behindProxy, origin: "https://desk.example.org" })).allowed).toBe(true);
    expect(checkOrigin(post({ ...behindProxy, origin: "http://127.0.0.1:3000" })).allowed).toBe(false);
    expect(checkOrigin(post({ ...behindProxy, origin: "http://desk.example.org" })).allowed).toBe(false);
  });
});

describe("proxy", () => {
  const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    new NextRequest(`http://desk.test${path}`, { method: init.method, headers: { host: "desk.test", ...init.headers } });

  it("answers a cross-site write with 403 plain text before anything else", async () => {
    for (const origin of ["https://evil.example", "null", undefined]) {
      for (const path of ["/policies/new", "/api/auth/signout", "/sign-in"]) {
        const response = proxy(request(path, { method: "POST", headers: origin ? { origin } : {} }));
        expect(response.status, `${origin} ${path}`).toBe(403);
        expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
        expect(response.headers.get("x-middleware-next")).toBeNull();
        expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      }
    }
  });

  it("exempts from the origin rule only a POST to exactly the one-click unsubscribe path (RFC 8058), not a server action", () => {
    const forwarded = (response: Response) => response.headers.get("x-middleware-next") === "1";
    expect(forwarded(proxy(request("/api/mail/unsubscribe?token=t", { method: "POST" })))).toBe(true);
    expect(forwarded(proxy(request("/api/mail/unsubscribe?token=t", { method: "POST", headers: { origin: "https://mail.example" } })))).toBe(true);
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect(proxy(request("/api/mail/unsubscribe?token=t", { method, headers: { origin: "https://evil.example" } })).status, method).toBe(403);
    }
    for (const path of ["/api/mail/unsubscribe/", "/api/mail/unsubscribe/x", "/api/mail/unsubscribex", "/api/mail/Unsubscribe", "/api/mail", "/api/mail/unsubscribe%2F..%2Fsend", "/mail"]) {
      expect(proxy(request(path, { method: "POST", headers: { origin: "https://evil.example" } })).status, path).toBe(403);
    }
    // A cross-site server action posted to that path is refused like anywhere else.
    expect(proxy(request("/api/mail/unsubscribe", { method: "POST", headers: { origin: "https://evil.example", "next-action": "0123abcd" } })).status).toBe(403);
  });

  it("forwards a same-origin write", () => {
    const response = proxy(request("/sign-in", { method: "POST", headers: { origin: "http://desk.test" } }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("puts a fresh nonce in the response policy and hands the same one to the renderer", () => {
    const first = proxy(request("/sign-in"));
    const second = proxy(request("/sign-in"));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
  });

  it("asks browsers to keep to https (HSTS) only when served over https", () => {
    expect(proxy(request("/sign-in")).headers.get("strict-transport-security")).toBeNull();
    const direct = proxy(new NextRequest("https://desk.test/sign-in", { headers: { host: "desk.test" } }));
    expect(direct.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const proxied = proxy(request("/sign-in", { headers: { "x-forwarded-proto": "https" } }));
    expect(proxied.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("sets the policy on redirects and static files too", () => {
    expect(proxy(request("/members")).headers.get("content-security-policy")).toContain("'strict-dynamic'");
    expect(proxy(request("/_next/static/chunk.js")).headers.get("content-security-policy")).toContain("'strict-dynamic'");
  });
});
