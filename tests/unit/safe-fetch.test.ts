import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FetchError,
  type FetchErrorCode,
  type FetchedPage,
  isAllowedHostPort,
  isPublicAddress,
  safeFetch,
  type SafeFetchOptions,
} from "../../lib/intake/safe-fetch";
import { type FixtureServer, hugeBody, neverFinishes, startFixtureServer } from "../support/fixture-server";

// Every test talks only to 127.0.0.x. Non-loopback addresses appear solely in URLs that must be
// refused before any connection is attempted.
let server: FixtureServer;
let other: FixtureServer;
let second: FixtureServer;
let base: SafeFetchOptions;

beforeAll(async () => {
  server = await startFixtureServer();
  other = await startFixtureServer();
  second = await startFixtureServer({ host: "127.0.0.2" });
  base = { allow: [server.hostPort], hostIntervalMs: 0, appUrl: "https://desk.example" };
});

afterAll(async () => {
  await Promise.all([server?.close(), other?.close(), second?.close()]);
});

async function page(url: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const result = await safeFetch(url, { ...base, ...options });
  if (result.notModified) throw new Error("unexpected 304");
  return result;
}

async function failure(url: string, options: SafeFetchOptions = {}): Promise<FetchError> {
  try {
    await safeFetch(url, { ...base, ...options });
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error(`expected ${url} to fail`);
}

async function expectCode(url: string, code: FetchErrorCode, options: SafeFetchOptions = {}): Promise<FetchError> {
  const error = await failure(url, options);
  expect(error.code, error.message).toBe(code);
  return error;
}

describe("safeFetch basics", () => {
  it("fetches a plain page with its metadata and our User-Agent", async () => {
    let userAgent: string | undefined;
    let acceptEncoding: string | undefined;
    server.route("/plain", (req, res) => {
      userAgent = req.headers["user-agent"];
      acceptEncoding = req.headers["accept-encoding"];
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT" });
      res.end("<html><title>国务院</title></html>");
    });
    const result = await page(server.url("/plain"));
    expect(result.status).toBe(200);
    expect(result.url).toBe(server.url("/plain"));
    expect(result.contentType).toBe("text/html; charset=utf-8");
    expect(result.text).toBe("<html><title>国务院</title></html>");
    expect(result.charset).toBe("utf-8");
    expect(result.lastModified).toBe("Mon, 01 Jan 2024 00:00:00 GMT");
    expect(result.etag).toBeNull();
    expect(userAgent).toBe("PolicyDesk/1.0 (+https://desk.example)");
    expect(acceptEncoding).toBe("gzip, deflate, br");
  });

  it("refuses non-http(s) schemes and unparseable URLs", async () => {
    await expectCode("file:///etc/passwd", "protocol");
    await expectCode("ftp://127.0.0.1/pub/file.txt", "protocol");
    await expectCode("not a url", "invalid_url");
  });

  it("answers http_status for a 404 and a 500", async () => {
    expect((await expectCode(server.url("/missing"), "http_status")).status).toBe(404);
    server.route("/boom", { status: 500, body: "oops" });
    expect((await expectCode(server.url("/boom"), "http_status")).status).toBe(500);
  });

  it("reports a refused connection as connection", async () => {
    const closed = await startFixtureServer();
    const hostPort = closed.hostPort;
    await closed.close();
    await expectCode(`http://${hostPort}/`, "connection", { allow: [hostPort] });
  });
});

describe("address checks", () => {
  it("refuses 127.0.0.1 unless its host:port is allowed", async () => {
    server.route("/guarded", { body: "ok" });
    const before = server.requests("/guarded");
    await expectCode(server.url("/guarded"), "blocked_address", { allow: [] });
    expect(server.requests("/guarded")).toBe(before);
    expect((await page(server.url("/guarded"))).text).toBe("ok");
    expect(server.requests("/guarded")).toBe(before + 1);
  });

  it("checks names resolved through DNS too (localhost), honouring the allow list", async () => {
    server.route("/named", { body: "named" });
    await expectCode(`http://localhost:${server.port}/named`, "blocked_address", { allow: [] });
    expect(server.requests("/named")).toBe(0);
    const result = await page(`http://LOCALHOST:${server.port}/named`, { allow: [`localhost:${server.port}`] });
    expect(result.text).toBe("named");
  });

  it("refuses metadata, private, IPv6 loopback and IPv4-mapped addresses before connecting", async () => {
    // Short timeouts: had a connection been attempted, the error would be connection/timeout instead.
    const options = { allow: [], timeoutMs: 500 };
    await expectCode("http://169.254.169.254/latest/meta-data/", "blocked_address", options);
    await expectCode("http://10.0.0.1/", "blocked_address", options);
    await expectCode("http://[::1]/", "blocked_address", options);
    await expectCode(`http://[::ffff:127.0.0.1]:${server.port}/`, "blocked_address", options);
    await expectCode("http://100.64.0.1/", "blocked_address", options);
    await expectCode("http://192.168.1.1:8080/", "blocked_address", options);
  });

  it("classifies addresses", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "[2001:4860:4860::8888]"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "255.255.255.255",
      "224.0.0.1",
      "192.0.2.1",
      "::1",
      "::",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "::ffff:169.254.169.254",
      "not-an-ip",
      "",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it("matches allow entries on host and effective port", () => {
    expect(isAllowedHostPort("http://Intranet.Example/x", ["intranet.example:80"])).toBe(true);
    expect(isAllowedHostPort("https://intranet.example/x", ["intranet.example:80"])).toBe(false);
    expect(isAllowedHostPort("https://intranet.example/x", ["intranet.example:443"])).toBe(true);
    expect(isAllowedHostPort("http://[::1]:8080/", ["[::1]:8080"])).toBe(true);
    expect(isAllowedHostPort("http://127.0.0.1:8081/", ["127.0.0.1:8080"])).toBe(false);
  });
});

describe("redirects", () => {
  it("follows a chain of two, resolving relative Locations, and reports the final URL", async () => {
    server.route("/r/start", { status: 301, headers: { Location: "next" } });
    server.route("/r/next", { status: 302, headers: { Location: server.url("/r/final?x=1") } });
    server.route("/r/final?x=1", { body: "arrived" });
    const result = await page(server.url("/r/start"));
    expect(result.text).toBe("arrived");
    expect(result.url).toBe(server.url("/r/final?x=1"));
  });

  it("re-checks every hop: a redirect to another local port not allowed is blocked", async () => {
    other.route("/target", { body: "should not be reached" });
    server.route("/r/elsewhere", { status: 302, headers: { Location: other.url("/target") } });
    await expectCode(server.url("/r/elsewhere"), "blocked_address");
    expect(other.requests()).toBe(0);
    // The same redirect works once the other port is allowed, so the refusal above was the address check.
    const result = await page(server.url("/r/elsewhere"), { allow: [server.hostPort, other.hostPort] });
    expect(result.text).toBe("should not be reached");
  });

  it("refuses a redirect to another scheme", async () => {
    server.route("/r/file", { status: 302, headers: { Location: "file:///etc/passwd" } });
    await expectCode(server.url("/r/file"), "protocol");
  });

  it("follows 5 redirects but not 6", async () => {
    for (let i = 1; i <= 6; i++) {
      server.route(`/loop/${i}`, { status: 307, headers: { Location: `/loop/${i + 1}` } });
    }
    server.route("/loop/7", { body: "end" });
    // /loop/2 → 7 is five redirects; /loop/1 → 7 is six.
    expect((await page(server.url("/loop/2"))).text).toBe("end");
    await expectCode(server.url("/loop/1"), "too_many_redirects");
  });
});

describe("limits", () => {
  it("aborts a 30 MB streamed body quickly, without reading it all", async () => {
    let sent = 0;
    let closed = false;
    server.route("/huge", (req, res) => {
      const write = res.write.bind(res) as (chunk: Buffer) => boolean;
      res.write = ((chunk: Buffer) => {
        sent += chunk.length;
        return write(chunk);
      }) as typeof res.write;
      res.on("close", () => {
        closed = true;
      });
      hugeBody(30 * 1024 * 1024)(req, res);
    });
    const heapBefore = process.memoryUsage().arrayBuffers;
    const started = Date.now();
    await expectCode(server.url("/huge"), "too_large");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(20 * 1024 * 1024);
    await expect.poll(() => closed).toBe(true);
    expect(sent).toBeLessThan(30 * 1024 * 1024);
  });

  it("honours a smaller maxBytes, and accepts a body exactly at the cap", async () => {
    server.route("/kb", hugeBody(1024));
    expect((await page(server.url("/kb"), { maxBytes: 1024 })).body.length).toBe(1024);
    await expectCode(server.url("/kb"), "too_large", { maxBytes: 1023 });
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    server.route("/declared", { headers: { "Content-Length": String(30 * 1024 * 1024) }, body: "tiny" });
    const started = Date.now();
    await expectCode(server.url("/declared"), "too_large");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("caps the decompressed size of a gzip bomb", async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(30 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    server.route("/bomb", { headers: { "Content-Encoding": "gzip", "Content-Type": "text/html" }, body: bomb });
    await expectCode(server.url("/bomb"), "too_large");
  });

  it("times out a body that never finishes", async () => {
    server.route("/slow", neverFinishes());
    const started = Date.now();
    await expectCode(server.url("/slow"), "timeout", { timeoutMs: 1500 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe("conditional requests", () => {
  it("round-trips an ETag: the second fetch is a 304", async () => {
    server.route("/feed.xml", { headers: { ETag: '"v1"', "Content-Type": "application/rss+xml" }, body: "<rss/>" });
    const first = await page(server.url("/feed.xml"));
    expect(first.etag).toBe('"v1"');
    const second = await safeFetch(server.url("/feed.xml"), { ...base, etag: first.etag });
    expect(second).toMatchObject({ notModified: true, status: 304, etag: '"v1"', url: server.url("/feed.xml") });
    expect(server.requests("/feed.xml")).toBe(2);
  });

  it("sends If-Modified-Since from lastModified", async () => {
    let seen: string | undefined;
    server.route("/ims", (req, res) => {
      seen = req.headers["if-modified-since"];
      res.writeHead(seen ? 304 : 200);
      res.end(seen ? undefined : "fresh");
    });
    const result = await safeFetch(server.url("/ims"), { ...base, lastModified: "Mon, 01 Jan 2024 00:00:00 GMT" });
    expect(seen).toBe("Mon, 01 Jan 2024 00:00:00 GMT");
    expect(result).toMatchObject({ notModified: true, lastModified: "Mon, 01 Jan 2024 00:00:00 GMT" });
  });
});

describe("per-host politeness", () => {
  const spaced = { hostIntervalMs: 400 };

  it("does not make a different host wait", async () => {
    second.route("/p", { body: "two" });
    await page(server.url("/plain"), spaced);
    const started = Date.now();
    expect((await page(second.url("/p"), { ...spaced, allow: [second.hostPort] })).text).toBe("two");
    expect(Date.now() - started).toBeLessThan(300);
  });

  it("spaces requests to the same host", async () => {
    server.route("/paced", { body: "paced" });
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => page(server.url("/paced"), spaced)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(server.requests("/paced")).toBe(3);
  });
});

describe("decoding", () => {
  it("decompresses gzip, deflate and brotli", async () => {
    const html = "<html><body>新一代人工智能发展规划</body></html>";
    const type = { "Content-Type": "text/html; charset=utf-8" };
    server.route("/gz", { headers: { ...type, "Content-Encoding": "gzip" }, body: zlib.gzipSync(html) });
    server.route("/df", { headers: { ...type, "Content-Encoding": "deflate" }, body: zlib.deflateSync(html) });
    server.route("/dfr", { headers: { ...type, "Content-Encoding": "deflate" }, body: zlib.deflateRawSync(html) });
    server.route("/br", { headers: { ...type, "Content-Encoding": "br" }, body: zlib.brotliCompressSync(html) });
    for (const path of ["/gz", "/df", "/dfr", "/br"]) {
      expect((await page(server.url(path))).text, path).toBe(html);
    }
  });

  it("reports a corrupt compressed body as connection", async () => {
    server.route("/corrupt", { headers: { "Content-Encoding": "gzip" }, body: "this is not gzip" });
    await expectCode(server.url("/corrupt"), "connection");
  });

  it("decodes a GB2312-declared page without a charset header", async () => {
    const body = Buffer.concat([
      Buffer.from('<html><head><meta charset="gb2312"><title>', "latin1"),
      Buffer.from("c8cbb9a4d6c7c4dc", "hex"), // 人工智能 in GBK
      Buffer.from("</title></head></html>", "latin1"),
    ]);
    server.route("/gb", { headers: { "Content-Type": "text/html" }, body });
    const result = await page(server.url("/gb"));
    expect(result.charset).toBe("gb18030");
    expect(result.text).toBe('<html><head><meta charset="gb2312"><title>人工智能</title></head></html>');
    expect(result.body.equals(body)).toBe(true);
  });
});
