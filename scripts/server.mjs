#!/usr/bin/env node
// The production server `npm start` runs: Next.js's own request handler behind a plain Node HTTP
// server (Next's documented custom-server API), for one reason — Next never tells the application
// which address a request came from. It fills X-Forwarded-For with the peer's address only when
// the request has none, so any client can name its own. Here every request gets the TCP peer's
// address in PEER_HEADER, written over whatever a client sent under that name, and the header's
// name is announced on globalThis; lib/security/client-address.ts reads the header only then
// (under plain `next start` or `next dev` nobody stamps it, and all clients count as one).
import { createServer } from "node:http";

const PEER_HEADER = "x-policy-desk-peer";
const port = Number(process.env.PORT || 3000);

// Before Next and React load: they pick their production builds from it (as `next start` does).
process.env.NODE_ENV = "production";
globalThis.__policyDeskPeerHeader = PEER_HEADER;

const { default: next } = await import("next");
const app = next({ dev: false, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  // Node lower-cases header names, so this replaces any casing of it a client sent.
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

// Like `next start`: stop accepting, let requests in flight finish, close Next, then exit.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app
        .close()
        .catch((error) => console.error(error))
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
    server.closeIdleConnections();
  });
}

server.on("error", (error) => {
  console.error(`Failed to start server: ${error.message}`);
  process.exit(1);
});
server.listen(port, () => console.log(`Ready on http://localhost:${port}`));
