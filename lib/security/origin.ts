/**
 * Cross-site request refusal. A browser states where a request comes from in `Origin`; every
 * request that may change something (any method but GET, HEAD and OPTIONS: server actions and
 * route handlers alike) must come from this application's own origin. `Origin: null` (sandboxed
 * frames, some redirects) and a missing `Origin` are refused too: browsers send it on every
 * POST, so only scripts and tools omit it, and they can set it like any header.
 *
 * The own origin is the one the browser addressed: `X-Forwarded-Host` / `X-Forwarded-Proto`
 * (first value) when a reverse proxy set them, else the `Host` header and the connection's
 * scheme. Trusting those headers opens nothing: a cross-site page cannot set them (a custom
 * header makes the browser ask a CORS preflight, which the app never grants), and a client
 * outside a browser could forge `Origin` anyway — the session and role checks stand behind this.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginFacts = {
  method: string;
  /** The `Origin` header, `null` when absent. */
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  /** The connection's scheme, `http` or `https` (with or without the trailing colon). */
  protocol: string;
};

export type OriginVerdict = { allowed: true } | { allowed: false; reason: "missing-origin" | "null-origin" | "cross-origin" | "unknown-host" };

function firstValue(header: string | null): string | null {
  const value = header?.split(",")[0]?.trim();
  return value ? value : null;
}

/** The origin this request was addressed to, as a browser writes it in `Origin`; null without a host. */
export function ownOrigin(facts: Omit<OriginFacts, "method" | "origin">): string | null {
  const host = firstValue(facts.forwardedHost) ?? firstValue(facts.host);
  if (!host) return null;
  const scheme = (firstValue(facts.forwardedProto) ?? facts.protocol).replace(/:$/, "").toLowerCase();
  return `${scheme}://${host.toLowerCase()}`;
}

/** Whether a request may go on: safe methods always, others only from the app's own origin. */
export function checkOrigin(facts: OriginFacts): OriginVerdict {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return { allowed: true };
  const origin = facts.origin?.trim();
  if (!origin) return { allowed: false, reason: "missing-origin" };
  if (origin === "null") return { allowed: false, reason: "null-origin" };
  const own = ownOrigin(facts);
  if (!own) return { allowed: false, reason: "unknown-host" };
  return origin.toLowerCase() === own ? { allowed: true } : { allowed: false, reason: "cross-origin" };
}
