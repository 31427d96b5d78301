import { env } from "../env";
import { log } from "../log";
import { clientFromChain, normalizeAddress, type AddressRange } from "./ip-ranges";

/**
 * Which address a request came from, for the per-client sign-in limits (lib/auth/rate-limit.ts).
 *
 * Next.js gives the application no socket: it only fills in X-Forwarded-For with the peer's
 * address when the request has none, so a client that sends its own picks any address it likes.
 * The production server (scripts/server.mjs, what `npm start` runs) therefore writes the TCP
 * peer's address into a header of its own on every request, over whatever a client sent under
 * that name, and announces the header's name on `globalThis`. Only then is the header read.
 * X-Forwarded-For counts only through the proxies TRUSTED_PROXIES names (ip-ranges.ts).
 */

/** Where scripts/server.mjs announces the name of the header it stamps with the peer's address. */
const holder = globalThis as typeof globalThis & { __policyDeskPeerHeader?: string };

/** The address every request shares when the peer is not known (plain `next start`, `next dev`). */
export const UNKNOWN_CLIENT = "unknown";

export type ClientAddressOptions = {
  /** Default: TRUSTED_PROXIES. */
  trustedProxies?: readonly AddressRange[];
  /** Default: the header scripts/server.mjs announced, if it did. */
  peerHeader?: string | null;
};

let warnedUnknownPeer = false;
let warnedIgnoredForwardedFor = false;

/** The client's address: the connection's peer, or through trusted proxies the first untrusted hop. */
export function clientAddress(headers: Pick<Headers, "get"> | undefined, options: ClientAddressOptions = {}): string {
  const peerHeader = options.peerHeader === undefined ? (holder.__policyDeskPeerHeader ?? null) : options.peerHeader;
  const peer = peerHeader ? normalizeAddress(headers?.get(peerHeader) ?? "") : null;
  if (!peer) {
    warnUnknownPeer();
    return UNKNOWN_CLIENT;
  }
  const trusted = options.trustedProxies ?? env().trustedProxies;
  const forwardedFor = headers?.get("x-forwarded-for");
  if (forwardedFor && trusted.length === 0) warnIgnoredForwardedFor(peer);
  return clientFromChain(peer, forwardedFor, trusted);
}

/** The server was not started through scripts/server.mjs: every client counts as one. Said once per process. */
function warnUnknownPeer() {
  if (warnedUnknownPeer) return;
  warnedUnknownPeer = true;
  log.warn("security.client_address_unknown", { hint: "start the app with `npm start` (scripts/server.mjs) so sign-in limits can tell clients apart" });
}

/** Likely a reverse proxy nobody declared: every client then counts as the proxy. Said once per process. */
function warnIgnoredForwardedFor(peer: string) {
  if (warnedIgnoredForwardedFor) return;
  warnedIgnoredForwardedFor = true;
  log.warn("security.forwarded_for_ignored", { peer, hint: "set TRUSTED_PROXIES if this address is your reverse proxy" });
}
