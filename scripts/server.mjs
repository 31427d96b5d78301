#!/usr/bin/env node
// The production server `npm start` runs: Next.js's own request handler behind a plain Node HTTP
// server (Next's documented custom-server API), for one reason — Next never tells the application
// which address a request came from. It fills X-Forwarded-For with the peer's address only when
// the request has none, so any client can name its own. Here every request gets the TCP peer's
// address in PEER_HEADER, written over whatever a client sent under that name, and the header's
// name is announced on globalThis; lib/security/client-address.ts reads the header only then
// (under plain `next start` or `next dev` nobody stamps it, and all clients count as one).
//
// On a Postgres server (DATABASE_URL), it runs WEB_CONCURRENCY server processes (default: one per
// CPU core) through node:cluster, sharing the port: the app keeps nothing in memory another
// process needs (see "Several processes behind a load balancer" in the README). On the embedded
// database there is one process, the only one that may open its data directory.
import cluster from "node:cluster";
import { createServer } from "node:http";
import os from "node:os";

const PEER_HEADER = "x-policy-desk-peer";
const port = Number(process.env.PORT || 3000);

function processCount() {
  if (!process.env.DATABASE_URL) {
    if (process.env.WEB_CONCURRENCY && process.env.WEB_CONCURRENCY !== "1") console.warn("WEB_CONCURRENCY is ignored on the embedded database: one process serves it.");
    return 1;
  }
  const wanted = process.env.WEB_CONCURRENCY ? Number(process.env.WEB_CONCURRENCY) : os.availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 1) {
    console.error(`WEB_CONCURRENCY must be a whole number of processes, 1 or more (got "${process.env.WEB_CONCURRENCY}").`);
    process.exit(2);
  }
  return wanted;
}

const processes = cluster.isPrimary ? processCount() : 1;
if (cluster.isPrimary && processes > 1) {
  await supervise(processes);
} else {
  await serve();
}

/** The primary of several: starts them, replaces one that dies, and stops them all on a signal. */
async function supervise(count) {
  let stopping = false;
  const started = new Map();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i++) fork();
  console.log(`Serving with ${count} processes (WEB_CONCURRENCY).`);
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(signal === "SIGINT" ? 130 : 143);
      return;
    }
    // A process that dies at once (a bad configuration) would die again: stop rather than loop.
    if (lived < 10_000) {
      console.error(`A server process exited during its start (${code ?? signal}): stopping.`);
      process.exit(1);
    }
    console.error(`A server process exited (${code ?? signal}): starting another.`);
    fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}

async function serve() {
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
}
