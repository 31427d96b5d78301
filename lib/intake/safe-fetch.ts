/**
 * The one way the server fetches a user-given URL (policy sources: RSS/Atom/HTML pages).
 *
 * A URL typed by a user must not let the server reach its own network (SSRF): every hop is checked
 * against the address it actually connects to, resolved by our own `lookup`, so there is no gap
 * between "checked" and "connected" for DNS rebinding to use. node:http is used instead of the
 * global fetch because fetch gives no control over address resolution.
 */
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { pipeline, Transform, Writable, type Readable } from "node:stream";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import { env } from "../env";
import { decodeBody } from "./charset";

export type FetchErrorCode =
  | "invalid_url"
  | "protocol"
  | "blocked_address"
  | "dns"
  | "connection"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "http_status";

/** Why a fetch failed; `code` is stable for callers, `message` is for logs. */
export class FetchError extends Error {
  readonly code: FetchErrorCode;
  readonly status?: number;
  readonly url: string;

  constructor(code: FetchErrorCode, message: string, url: string, status?: number) {
    super(message);
    this.name = "FetchError";
    this.code = code;
    this.url = url;
    if (status !== undefined) this.status = status;
  }
}

export type FetchedPage = {
  notModified: false;
  status: number;
  /** Final URL after redirects. */
  url: string;
  contentType: string | null;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
  /** Decoder label used for `text`. */
  charset: string;
  /** `body` decoded. */
  text: string;
};

export type NotModified = { notModified: true; status: 304; url: string; etag: string | null; lastModified: string | null };

export type SafeFetchOptions = {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** `host:port` entries reachable whatever their address; default: env().sourceFetchAllow. */
  allow?: readonly string[];
  hostIntervalMs?: number;
  appUrl?: string;
};

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_ACCEPT =
  "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DNS_ERROR_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME", "ENODATA"]);

/** Fetches `url` with SSRF protection, redirect/size/time limits, per-host pacing and charset decoding. */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<FetchedPage | NotModified> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  // env() is read only for what the caller left out, so scripts and tests can run without configuration.
  const allow = new Set((options.allow ?? env().sourceFetchAllow).map((entry) => entry.toLowerCase()));
  const hostIntervalMs = options.hostIntervalMs ?? env().SOURCE_FETCH_HOST_INTERVAL_MS;
  const appUrl = options.appUrl ?? env().APP_URL ?? "http://localhost:3000";

  const headers: Record<string, string> = {
    "User-Agent": `PolicyDesk/1.0 (+${appUrl})`,
    Accept: options.accept ?? DEFAULT_ACCEPT,
    "Accept-Encoding": "gzip, deflate, br",
  };
  if (options.etag) headers["If-None-Match"] = options.etag;
  if (options.lastModified) headers["If-Modified-Since"] = options.lastModified;

  let current = parseTarget(url, url);
  // The time budget covers network time only: waiting for a host's politeness slot is not the host's fault.
  let spentMs = 0;
  for (let redirects = 0; ; ) {
    const allowed = allow.has(hostPort(current));
    const literal = ipLiteral(current.hostname);
    // Node connects to IP literals without calling `lookup`, so they are checked here instead.
    if (literal && !allowed && !isPublicAddress(literal)) {
      throw new FetchError("blocked_address", `refusing to connect to ${literal}`, current.href);
    }
    await waitForHostSlot(current.hostname, hostIntervalMs);

    const remainingMs = timeoutMs - spentMs;
    if (remainingMs <= 0) throw new FetchError("timeout", `no response within ${timeoutMs} ms`, current.href);
    const started = Date.now();
    const response = await exchange(current, { headers, allowed, remainingMs, timeoutMs, maxBytes });
    spentMs += Date.now() - started;

    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(response.status) && location) {
      if (redirects >= maxRedirects) {
        throw new FetchError("too_many_redirects", `more than ${maxRedirects} redirects`, current.href);
      }
      redirects++;
      current = parseTarget(location, current.href, current);
      continue;
    }

    const etag = headerValue(response.headers.etag);
    const lastModified = headerValue(response.headers["last-modified"]);
    if (response.status === 304) {
      // A 304 may omit the validators; the ones sent are still the current ones then.
      return {
        notModified: true,
        status: 304,
        url: current.href,
        etag: etag ?? options.etag ?? null,
        lastModified: lastModified ?? options.lastModified ?? null,
      };
    }
    if (response.status < 200 || response.status > 299 || !response.body) {
      throw new FetchError("http_status", `HTTP ${response.status}`, current.href, response.status);
    }
    const contentType = headerValue(response.headers["content-type"]);
    const { text, charset } = decodeBody(response.body, contentType);
    return {
      notModified: false,
      status: response.status,
      url: current.href,
      contentType,
      body: response.body,
      etag,
      lastModified,
      charset,
      text,
    };
  }
}

/** Whether an IP address is public unicast (not loopback, private, link-local, reserved …), IPv4-mapped IPv6 included. */
export function isPublicAddress(address: string): boolean {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (!net.isIP(bare.split("%")[0])) return false;
  try {
    // process() turns ::ffff:a.b.c.d into a.b.c.d, so mapped addresses get the IPv4 verdict.
    return ipaddr.process(bare).range() === "unicast";
  } catch {
    return false;
  }
}

/** Whether a URL's `host:port` (default port filled in) is in an allow list (exported for tests). */
export function isAllowedHostPort(url: string, allow: readonly string[]): boolean {
  try {
    const key = hostPort(new URL(url));
    return allow.some((entry) => entry.toLowerCase() === key);
  } catch {
    return false;
  }
}

/** `host:port` as written in the URL (WHATWG-normalised, so lower-cased, IPv6 in brackets). */
function hostPort(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname.toLowerCase()}:${port}`;
}

/** The address of an IP-literal host, or null for a DNS name. */
function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return net.isIP(bare) ? bare : null;
}

function parseTarget(raw: string, reportUrl: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError("invalid_url", `not a URL: ${raw}`, reportUrl);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("protocol", `only http and https are fetched, not ${url.protocol}`, url.href);
  }
  if (!url.hostname) throw new FetchError("invalid_url", `no host in ${raw}`, reportUrl);
  return url;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

// ---------------------------------------------------------------------------------------------
// One request/response exchange.

type Exchange = { status: number; headers: http.IncomingHttpHeaders; body: Buffer | null };
type ExchangeOptions = {
  headers: Record<string, string>;
  allowed: boolean;
  remainingMs: number;
  timeoutMs: number;
  maxBytes: number;
};

/** One GET; the body is read only for 2xx answers (a redirect's or an error's body is never wanted). */
function exchange(url: URL, options: ExchangeOptions): Promise<Exchange> {
  return new Promise<Exchange>((resolve, reject) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    let response: http.IncomingMessage | undefined;
    const finish = (error: FetchError | null, value?: Exchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        // Destroying the socket is what stops a too-large or endless body from being read further.
        request?.destroy();
        response?.destroy();
        reject(error);
      } else {
        resolve(value as Exchange);
      }
    };
    const timer = setTimeout(
      () => finish(new FetchError("timeout", `no complete response within ${options.timeoutMs} ms`, url.href)),
      options.remainingMs,
    );

    const onResponse = (res: http.IncomingMessage) => {
      response = res;
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) {
        res.destroy();
        finish(null, { status, headers: res.headers, body: null });
        return;
      }
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        finish(tooLarge(url, options.maxBytes));
        return;
      }
      readBody(res, url, options.maxBytes, finish);
    };
    const requestOptions: http.RequestOptions = {
      protocol: url.protocol,
      hostname: ipLiteral(url.hostname) ?? url.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: options.headers,
      // A pooled keep-alive socket would skip `lookup`, and so the address check, for a later call
      // with a different allow list: every exchange gets its own connection.
      agent: false,
      lookup: checkedLookup(url, options.allowed),
    };
    try {
      request = (url.protocol === "https:" ? https : http).request(requestOptions, onResponse);
    } catch (error) {
      // Thrown synchronously for header values Node refuses (e.g. a stored ETag with control characters).
      finish(toFetchError(error, url));
      return;
    }
    request.on("error", (error) => finish(toFetchError(error, url)));
    request.end();
  });
}

/** Collects the (decompressed) body, giving up as soon as either the wire or the decoded size passes the cap. */
function readBody(
  res: http.IncomingMessage,
  url: URL,
  maxBytes: number,
  finish: (error: FetchError | null, value?: Exchange) => void,
): void {
  const status = res.statusCode ?? 0;
  let wireBytes = 0;
  res.on("data", (chunk: Buffer) => {
    wireBytes += chunk.length;
    // Compressed data that inflates to nothing would otherwise be read without limit.
    if (wireBytes > maxBytes) finish(tooLarge(url, maxBytes));
  });

  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        finish(tooLarge(url, maxBytes));
        callback();
        return;
      }
      chunks.push(chunk);
      callback();
    },
  });

  let decoders: Readable[];
  try {
    decoders = contentDecoders(headerValue(res.headers["content-encoding"]));
  } catch (error) {
    finish(new FetchError("connection", (error as Error).message, url.href));
    return;
  }
  // A reset mid-body and a corrupt compressed stream both surface here; both are "connection".
  pipeline([res, ...decoders, sink], (error) => {
    if (error) finish(toFetchError(error, url));
    else finish(null, { status, headers: res.headers, body: Buffer.concat(chunks, size) });
  });
}

/** Decompressors for a Content-Encoding list, in the order to apply them (the last coding applied first). */
function contentDecoders(contentEncoding: string | null): Readable[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== "identity");
  // Truncated streams are common from overloaded servers: decode what arrived rather than fail.
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  return codings.reverse().map((coding) => {
    if (coding === "gzip" || coding === "x-gzip") return zlib.createGunzip(lenient);
    // Some servers send raw DEFLATE for "deflate"; createUnzip would not take that, so sniff the header.
    if (coding === "deflate") return deflateDecoder();
    if (coding === "br") return zlib.createBrotliDecompress();
    throw new Error(`unsupported Content-Encoding: ${coding}`);
  });
}

/** Inflates zlib-wrapped or raw DEFLATE, decided by the first byte. */
function deflateDecoder(): Readable {
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  let inner: zlib.Inflate | zlib.InflateRaw | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!inner) {
        // A zlib header has compression method 8 in the low nibble of its first byte.
        inner = (chunk[0] & 0x0f) === 8 ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient);
        inner.on("data", (out: Buffer) => this.push(out));
        inner.on("error", (error) => this.destroy(error));
      }
      inner.write(chunk, callback);
    },
    flush(callback) {
      if (!inner) return callback();
      inner.once("end", () => callback());
      inner.end();
    },
  });
}

function tooLarge(url: URL, maxBytes: number): FetchError {
  return new FetchError("too_large", `response body over ${maxBytes} bytes`, url.href);
}

function toFetchError(error: unknown, url: URL): FetchError {
  if (error instanceof FetchError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (DNS_ERROR_CODES.has(code)) return new FetchError("dns", `cannot resolve ${url.hostname}: ${message}`, url.href);
  // Refused, reset, TLS failures, malformed HTTP: all mean "could not talk to the server".
  return new FetchError("connection", `${code || "error"}: ${message}`, url.href);
}

/**
 * A `lookup` for http.request that resolves, then hands the socket only addresses that passed the
 * check: the connection goes to exactly what was checked.
 */
function checkedLookup(url: URL, allowed: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses) => {
      if (error) {
        callback(error, "", 0);
        return;
      }
      const usable = allowed ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      if (usable.length === 0) {
        const listed = addresses.map((a) => a.address).join(", ");
        callback(new FetchError("blocked_address", `${hostname} resolves to ${listed}`, url.href), "", 0);
        return;
      }
      // Node asks for all addresses when it may try several (autoSelectFamily), else for one.
      if (options.all) callback(null, usable);
      else callback(null, usable[0].address, usable[0].family);
    });
  };
}

// ---------------------------------------------------------------------------------------------
// Per-host politeness: government sites ban crawlers that hammer them.

/** Host → the time the latest reserved request to it may start. */
const hostSlots = new Map<string, number>();
/**
 * How long a contact is remembered past its interval, so that a caller with a longer interval than
 * the previous caller's (e.g. a test's 0 then the default 3 s) still spaces its request.
 */
const SLOT_MEMORY_MS = 60_000;

/** Waits until `hostname` was last contacted at least `intervalMs` ago, reserving the next slot at once. */
async function waitForHostSlot(hostname: string, intervalMs: number): Promise<void> {
  const now = Date.now();
  const previous = hostSlots.get(hostname);
  // Reserving synchronously makes concurrent callers queue up one interval apart, without a lock.
  const start = previous === undefined ? now : Math.max(now, previous + intervalMs);
  hostSlots.set(hostname, start);
  // Forget the host once its slot is old enough to hold nobody back: the map holds only recent hosts.
  setTimeout(
    () => {
      if (hostSlots.get(hostname) === start) hostSlots.delete(hostname);
    },
    start - now + Math.max(intervalMs, SLOT_MEMORY_MS),
  ).unref();
  // Timers may fire a millisecond early; loop so a request never starts before its slot.
  for (let wait = start - Date.now(); wait > 0; wait = start - Date.now()) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
