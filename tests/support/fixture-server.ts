/**
 * A local HTTP server standing in for policy sources in tests and benchmarks (the machine has no
 * internet, and tests must never send traffic anywhere but 127.0.0.x).
 */
import http from "node:http";
import type net from "node:net";

export type FixtureResponse = { status?: number; headers?: Record<string, string>; body?: string | Buffer };
export type FixtureHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
export type FixtureServer = {
  port: number;
  host: string;
  /** `http://host:port` */
  origin: string;
  /** `host:port`, as an allow-list entry. */
  hostPort: string;
  url(path: string): string;
  route(path: string, response: FixtureResponse | FixtureHandler): void;
  /** Requests received for `path` (pathname+search), or in total. */
  requests(path?: string): number;
  close(): Promise<void>;
};

/** Starts a fixture server on 127.0.0.1 (or `host`) and an OS-chosen port (or `port`). */
export async function startFixtureServer(options: { host?: string; port?: number } = {}): Promise<FixtureServer> {
  const host = options.host ?? "127.0.0.1";
  const routes = new Map<string, FixtureResponse | FixtureHandler>();
  const counts = new Map<string, number>();
  let total = 0;
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    const key = requestKey(req.url ?? "/");
    total++;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const route = routes.get(key) ?? routes.get(key.split("?")[0]);
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    if (typeof route === "function") {
      route(req, res);
      return;
    }
    respond(req, res, route);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  const origin = `http://${hostPart}:${port}`;

  return {
    port,
    host,
    origin,
    hostPort: `${hostPart}:${port}`,
    url: (path) => `${origin}${path.startsWith("/") ? path : `/${path}`}`,
    route: (path, response) => {
      routes.set(requestKey(path), response);
    },
    requests: (path) => (path === undefined ? total : (counts.get(requestKey(path)) ?? 0)),
    close: () =>
      new Promise<void>((resolve) => {
        // Endless responses keep their sockets open; server.close() alone would wait for them forever.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Streams `bytes` bytes without a Content-Length (chunked), honouring back-pressure. */
export function hugeBody(bytes: number): FixtureHandler {
  return (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !res.destroyed) {
        const size = Math.min(chunk.length, bytes - sent);
        sent += size;
        if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          res.once("drain", pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };
}

/** Sends 200 headers and one chunk, then nothing: the body never ends (close() destroys the socket). */
export function neverFinishes(): FixtureHandler {
  return (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.write("<html><body>");
  };
}

/** pathname+search of a request target or a route path. */
function requestKey(target: string): string {
  const url = new URL(target, "http://fixture.invalid");
  return `${url.pathname}${url.search}`;
}

function respond(req: http.IncomingMessage, res: http.ServerResponse, route: FixtureResponse): void {
  const headers = route.headers ?? {};
  const etag = Object.entries(headers).find(([name]) => name.toLowerCase() === "etag")?.[1];
  if (etag !== undefined && req.headers["if-none-match"] === etag) {
    res.writeHead(304, { ETag: etag });
    res.end();
    return;
  }
  // setHeader + end(body) lets Node add Content-Length itself; writeHead would force chunked encoding.
  res.statusCode = route.status ?? 200;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(route.body ?? "");
}
