import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { connectPostgres } from "../../db/client";
import { adminUrl, databaseUrl } from "../support/postgres";

/**
 * Helpers for the fault tests: a production server (`next start`, run `npm run build` first) as
 * a child process that can be killed, sign-in and server-action calls over plain HTTP, and a
 * private Postgres cluster that can be stopped and started.
 */

const require = createRequire(import.meta.url);
export const admin = { email: "admin@faults.test", password: "faults-admin-password" };
export const basePort = Number(process.env.FAULTS_PORT ?? "3460");

export type Server = { url: string; child: ChildProcess; output: () => string; exited: Promise<void> };

/** Starts the production server on `port`; resolves once `/api/health` answers 200. */
export async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(port)], {
    env: { ...process.env, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, PORT: String(port), AUTH_URL: `http://localhost:${port}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server = { url: `http://localhost:${port}`, child, output: () => log, exited };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${log}`);
    const health = await fetch(`${server.url}/api/health`).catch(() => null);
    if (health?.ok) return server;
    await sleep(250);
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not become healthy within 90 s:\n${log}`);
}

/** Stops the server politely (SIGTERM) and waits for it to exit. */
export async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  await Promise.race([server.exited, sleep(15_000)]);
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  await server.exited;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A signed-in HTTP client: the Auth.js credentials flow, then requests carrying its cookies. */
export async function signIn(url: string, email = admin.email, password = admin.password) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // Writes must come from the app's own origin (proxy.ts), as a browser's do.
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: url },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return {
    cookie,
    cookies: () => [...jar],
    get: (pathname: string) => fetch(`${url}${pathname}`, { headers: { cookie: cookie() }, redirect: "manual" }),
    /** Calls a server action as React does (one argument, JSON-encoded); returns its result. */
    async action<T>(page: string, id: string, input: Record<string, unknown>): Promise<T> {
      const response = await fetch(`${url}${page}`, {
        method: "POST",
        headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie: cookie(), origin: url },
        body: JSON.stringify([input]),
      });
      if (!response.ok) throw new Error(`action answered ${response.status}`);
      return actionResult<T>(await response.text());
    },
  };
}

/** The action's return value in a React Flight response: row 0 points at it (`"a":"$@<row>"`). */
function actionResult<T>(flight: string): T {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) rows.set(line.slice(0, at), line.slice(at + 1));
  }
  const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const ref = head?.a?.startsWith("$@") ? head.a.slice(2) : null;
  if (!ref || !rows.has(ref)) throw new Error(`no action result in the response: ${flight.slice(0, 300)}`);
  return JSON.parse(rows.get(ref)!) as T;
}

/** A server action's id in this build, from Next's server reference manifest. */
export function actionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in ${file}: run \`npm run build\` first`);
  return found[0];
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;

/**
 * A new database on the shared Postgres server (FAULTS_POSTGRES_URL, else the local one) and a
 * connection to it; `drop()` closes the connection and drops the database.
 */
export async function freshDatabase(prefix: string) {
  const server = process.env.FAULTS_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = uniqueName(prefix);
  const maintenance = connectPostgres(adminUrl(server), { max: 1 });
  await maintenance.sql.unsafe(`create database "${name}"`);
  const url = databaseUrl(server, name);
  const handle = connectPostgres(url, { max: 2 });
  return {
    url,
    handle,
    async drop() {
      await handle.close();
      await maintenance.sql.unsafe(`drop database if exists "${name}" with (force)`);
      await maintenance.close();
    },
  };
}

/**
 * A Postgres cluster of our own (Debian's binaries), so a test can stop and start the server
 * without touching the shared one. Postgres refuses to run as root: then it runs as `postgres`.
 */
export function privateCluster(port: number) {
  const version = fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error("no Postgres binaries in /usr/lib/postgresql");
  const bin = (name: string) => path.join("/usr/lib/postgresql", version, "bin", name);
  const root = tempDir("pd-faults-pg-");
  const data = path.join(root, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres:postgres", root]);
  const run = (name: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : bin(name), asRoot ? ["-u", "postgres", "--", bin(name), ...args] : args, { stdio: "pipe", cwd: "/" });
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=on`;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    init() {
      run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]);
    },
    start() {
      run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(root, "log"), "-w", "start"]);
    },
    stop() {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    remove() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        /* not running */
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Reads `GET /api/live` (Server-Sent Events) in the background. */
export async function openLiveStream(url: string, cookie: string) {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/live`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`/api/live answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let received = "";
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += decoder.decode(value, { stream: true });
    }
  })().catch(() => {});
  return {
    /** Resolves once the stream has carried `text`; false after `ms`. */
    async carries(text: string, ms: number): Promise<boolean> {
      const deadline = Date.now() + ms;
      while (!received.includes(text) && Date.now() < deadline) await sleep(100);
      return received.includes(text);
    },
    close: () => abort.abort(),
  };
}
