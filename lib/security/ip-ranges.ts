import net from "node:net";
import ipaddr from "ipaddr.js";

/**
 * IP addresses and CIDR ranges, for telling which hop of a request's X-Forwarded-For chain is
 * the client (lib/security/client-address.ts). Pure functions: no configuration, no request.
 */

/** An address range: `10.0.0.0/8`, `fd00::/8`; a bare address is a range of one. */
export type AddressRange = { address: ipaddr.IPv4 | ipaddr.IPv6; bits: number };

/**
 * The canonical form of one IP literal (IPv4-mapped IPv6 as IPv4, IPv6 compressed, no zone), or
 * null. Accepts the ports and brackets proxies sometimes write (`[2001:db8::1]:443`, `192.0.2.1:80`).
 */
export function normalizeAddress(raw: string): string | null {
  const parsed = parseAddress(raw);
  return parsed ? parsed.toString() : null;
}

function parseAddress(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const literal = stripPort(raw.trim()).split("%")[0];
  // net.isIP first: ipaddr.js also reads legacy forms such as `127.1` or `0x7f.0.0.1`.
  if (!net.isIP(literal)) return null;
  const address = ipaddr.process(literal);
  if (address.kind() === "ipv6") (address as ipaddr.IPv6).zoneId = undefined;
  return address;
}

function stripPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(value);
  return v4WithPort ? v4WithPort[1] : value;
}

/** One entry of a range list (`10.0.0.0/8`, `::1`, `fd00::/8`), or null when it is neither an address nor a CIDR range. */
export function parseAddressRange(entry: string): AddressRange | null {
  const [literal, prefix, ...rest] = entry.trim().split("/");
  if (rest.length > 0 || !net.isIP(literal)) return null;
  const parsed = ipaddr.parse(literal);
  const maxBits = parsed.kind() === "ipv4" ? 32 : 128;
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return null;
  const bits = prefix === undefined ? maxBits : Number(prefix);
  if (bits > maxBits) return null;
  // ::ffff:10.0.0.0/104 is 10.0.0.0/8: addresses are compared after the same mapping (parseAddress).
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return { address: (parsed as ipaddr.IPv6).toIPv4Address(), bits: bits - 96 };
  }
  return { address: parsed, bits };
}

/** Splits a comma/space separated range list into its entries. */
export function splitRangeList(raw: string): string[] {
  return raw
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Parses a whole list; throws on the first bad entry (configuration is validated before, in lib/env.ts). */
export function parseRangeList(raw: string): AddressRange[] {
  return splitRangeList(raw).map((entry) => {
    const range = parseAddressRange(entry);
    if (!range) throw new Error(`Not an IP address or CIDR range: ${entry}`);
    return range;
  });
}

/** Whether `address` (any literal normalizeAddress accepts) lies in one of `ranges`. */
export function inRanges(address: string, ranges: readonly AddressRange[]): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return ranges.some((range) => range.address.kind() === parsed.kind() && parsed.match(range.address, range.bits));
}

/**
 * The client at the far end of a chain of proxies: walking from the connection's own peer
 * leftwards through X-Forwarded-For, the first hop that is not a trusted proxy. Every proxy
 * appends the address it received the request from, so only the entries to the right of the
 * first untrusted hop were written by someone we trust; anything further left (a forged
 * "client" value included) came from the client itself and is never looked at.
 *
 * - The peer is not a trusted proxy (or none is configured): the peer, X-Forwarded-For ignored.
 * - An entry that is no IP address ends the walk at the trusted hop that passed it on: a
 *   misbehaving proxy then makes its clients share one address, never choose their own.
 * - Every hop is trusted: the left-most one, the farthest we can see.
 */
export function clientFromChain(peer: string, forwardedFor: string | null | undefined, trusted: readonly AddressRange[]): string {
  let client = normalizeAddress(peer) ?? peer;
  if (trusted.length === 0) return client;
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  while (inRanges(client, trusted)) {
    const next = hops.pop();
    if (next === undefined) return client;
    const address = normalizeAddress(next);
    if (!address) return client;
    client = address;
  }
  return client;
}
