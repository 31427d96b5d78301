import { describe, expect, it } from "vitest";
import { clientAddress, UNKNOWN_CLIENT } from "@/lib/security/client-address";
import { clientFromChain, inRanges, normalizeAddress, parseAddressRange, parseRangeList } from "@/lib/security/ip-ranges";

const PEER = "x-policy-desk-peer";
const headers = (peer: string | null, forwardedFor?: string) =>
  new Headers({ ...(peer === null ? {} : { [PEER]: peer }), ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }) });

describe("normalizeAddress", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    [" 192.0.2.1 ", "192.0.2.1"],
    ["192.0.2.1:8080", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each(["", "unknown", "127.1", "0x7f.0.0.1", "192.0.2.256", "2001:db8::1::2", "example.org", "192.0.2.1/24"])("refuses %j", (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});

describe("address ranges", () => {
  it("reads addresses and CIDR ranges of both families, and refuses anything else", () => {
    expect(parseAddressRange("10.0.0.0/8")?.bits).toBe(8);
    expect(parseAddressRange("127.0.0.1")?.bits).toBe(32);
    expect(parseAddressRange("fd00::/8")?.bits).toBe(8);
    expect(parseAddressRange("::1")?.bits).toBe(128);
    for (const bad of ["10.0.0.0/33", "fd00::/129", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0/8", "localhost", "10.0.0.0/-1", "10.0.0.0/ 8"]) {
      expect(parseAddressRange(bad), bad).toBeNull();
    }
    expect(parseRangeList(" 10.0.0.0/8, 127.0.0.1  fd00::/8 ,")).toHaveLength(3);
    expect(() => parseRangeList("10.0.0.0/8, proxy.internal")).toThrow(/proxy\.internal/);
  });

  it("matches by prefix, family by family, IPv4-mapped addresses as IPv4", () => {
    const ranges = parseRangeList("10.0.0.0/8, 192.168.1.7, fd00::/8, ::ffff:172.16.0.0/108");
    expect(inRanges("10.255.3.4", ranges)).toBe(true);
    expect(inRanges("11.0.0.1", ranges)).toBe(false);
    expect(inRanges("192.168.1.7", ranges)).toBe(true);
    expect(inRanges("192.168.1.8", ranges)).toBe(false);
    expect(inRanges("fd12:3456::1", ranges)).toBe(true);
    expect(inRanges("fe80::1", ranges)).toBe(false);
    expect(inRanges("::ffff:10.1.2.3", ranges)).toBe(true);
    expect(inRanges("172.16.5.5", ranges)).toBe(true);
    expect(inRanges("172.32.0.1", ranges)).toBe(false);
    // An IPv4 range never matches an IPv6 address that merely shares bits, nor the reverse.
    expect(inRanges("a00::1", parseRangeList("10.0.0.0/8"))).toBe(false);
    expect(inRanges("not an address", ranges)).toBe(false);
  });
});

describe("clientFromChain", () => {
  const trusted = parseRangeList("10.0.0.0/8, fd00::/8");

  it("is the peer itself when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientFromChain("203.0.113.9", "192.0.2.1", [])).toBe("203.0.113.9");
    expect(clientFromChain("10.0.0.2", "192.0.2.1", [])).toBe("10.0.0.2");
    expect(clientFromChain("::ffff:203.0.113.9", null, [])).toBe("203.0.113.9");
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(clientFromChain("203.0.113.9", "192.0.2.1, 10.0.0.5", trusted)).toBe("203.0.113.9");
  });

  it("walks right to left through trusted proxies to the first hop that is not one", () => {
    expect(clientFromChain("10.0.0.2", "198.51.100.4", trusted)).toBe("198.51.100.4");
    expect(clientFromChain("10.0.0.2", "198.51.100.4, 10.1.1.1, fd00::7", trusted)).toBe("198.51.100.4");
    expect(clientFromChain("fd00::2", "2001:db8::42", trusted)).toBe("2001:db8::42");
  });

  it("ignores whatever the client wrote to the left of the first untrusted hop", () => {
    // The client sent "X-Forwarded-For: 10.9.9.9, 192.0.2.1"; the trusted proxy appended 198.51.100.4.
    expect(clientFromChain("10.0.0.2", "10.9.9.9, 192.0.2.1, 198.51.100.4", trusted)).toBe("198.51.100.4");
    expect(clientFromChain("10.0.0.2", "garbage, 198.51.100.4", trusted)).toBe("198.51.100.4");
  });

  it("stops at the trusted hop that passed on something that is no address", () => {
    expect(clientFromChain("10.0.0.2", "198.51.100.4, not-an-ip", trusted)).toBe("10.0.0.2");
    expect(clientFromChain("10.0.0.2", "198.51.100.4, 10.0.0.3, unknown", trusted)).toBe("10.0.0.2");
  });

  it("is the left-most hop when every hop is trusted, and the peer when nothing was forwarded", () => {
    expect(clientFromChain("10.0.0.2", "10.0.0.9, 10.0.0.3", trusted)).toBe("10.0.0.9");
    expect(clientFromChain("10.0.0.2", null, trusted)).toBe("10.0.0.2");
    expect(clientFromChain("10.0.0.2", " , ", trusted)).toBe("10.0.0.2");
  });
});

describe("clientAddress", () => {
  const trustedProxies = parseRangeList("10.0.0.0/8");

  it("takes the peer the server stamped, never X-Forwarded-For or X-Real-IP without a trusted proxy", () => {
    const forged = new Headers({ [PEER]: "203.0.113.5", "x-forwarded-for": "192.0.2.1", "x-real-ip": "192.0.2.2" });
    expect(clientAddress(forged, { peerHeader: PEER, trustedProxies: [] })).toBe("203.0.113.5");
  });

  it("follows X-Forwarded-For through trusted proxies only", () => {
    expect(clientAddress(headers("10.0.0.2", "192.0.2.1, 198.51.100.4"), { peerHeader: PEER, trustedProxies })).toBe("198.51.100.4");
    expect(clientAddress(headers("203.0.113.5", "198.51.100.4"), { peerHeader: PEER, trustedProxies })).toBe("203.0.113.5");
  });

  it("knows no client when the server did not stamp the peer: a header the client could send is not read", () => {
    expect(clientAddress(headers("203.0.113.5", "192.0.2.1"), { peerHeader: null, trustedProxies })).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers(null, "192.0.2.1"), { peerHeader: PEER, trustedProxies })).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers("not-an-address"), { peerHeader: PEER, trustedProxies })).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(undefined, { peerHeader: PEER, trustedProxies })).toBe(UNKNOWN_CLIENT);
  });
});
