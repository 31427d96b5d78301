#!/usr/bin/env node
// `npm run test:e2e`: serves the production build (run `npm run build` first) and runs the
// Playwright suite against it in Debian's Chromium. Three servers, started together:
// - the main one on E2E_PORT (default 3210), embedded PGlite on a fresh data directory;
// - two more (E2E_PORT+1, E2E_PORT+2) on ONE throwaway Postgres database, with the same
//   AUTH_SECRET, for the two-process spec (tests/e2e/two-processes.spec.ts). The database is
//   created on E2E_POSTGRES_URL's server (default postgres://postgres@127.0.0.1:5432/postgres)
//   and dropped at the end. E2E_POSTGRES=off skips these two servers (the spec then skips).
// - one more (E2E_PORT+3) on embedded PGlite, seeded before it starts with the hostile corpus
//   (tests/e2e/seed-hostile.ts), for tests/e2e/hostile.spec.ts. E2E_HOSTILE=off skips it.
// - an SMTP server (E2E_PORT+11) that every app server sends its mail to: each message it
//   receives is written as an .eml file to E2E_MAIL_DIR, where specs read it (tests/e2e/mail.ts).
// All servers share the known first admin. Everything is stopped and removed afterwards.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";

const require = createRequire(import.meta.url);
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const port = Number(process.env.E2E_PORT ?? "3210");
const admin = { ADMIN_EMAIL: "admin@e2e.test", ADMIN_PASSWORD: "e2e-admin-password" };
// The intake spec serves its fixture pages on this port: the one address the servers may fetch.
const fixturePort = port + 10;
const fetchRule = { SOURCE_FETCH_ALLOW: `127.0.0.1:${fixturePort}`, SOURCE_FETCH_HOST_INTERVAL_MS: "0" };
// The test SMTP server: mail goes out by SMTP, as in production, and lands in mailDir.
const smtpPort = port + 11;
const mail = { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: "정책 데스크 <desk@e2e.test>" };
const withPostgres = process.env.E2E_POSTGRES !== "off";
const withHostile = process.env.E2E_HOSTILE !== "off";
const postgresUrl = process.env.E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dataDirs = [];
const servers = [];

function newDataDir() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "policy-desk-e2e-"));
  dataDirs.push(dataDir);
  return dataDir;
}

/** Starts `next start` on `serverPort` with `env`; its output is kept for a failure report. */
function startServer(name, serverPort, env, dataDir = newDataDir()) {
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(serverPort)], {
    env: { ...process.env, ...admin, ...fetchRule, ...mail, PORT: String(serverPort), DATA_DIR: dataDir, AUTH_URL: `http://localhost:${serverPort}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = { name, url: `http://localhost:${serverPort}`, child, log: "" };
  child.stdout.on("data", (chunk) => (server.log += chunk));
  child.stderr.on("data", (chunk) => (server.log += chunk));
  servers.push(server);
  return server;
}

/** Migrates, seeds and fills `dataDir` with the hostile corpus; resolves to the ids file's path. */
function seedHostile(dataDir) {
  const idsFile = path.join(dataDir, "hostile-ids.json");
  return new Promise((resolve, reject) => {
    let log = "";
    const child = spawn(process.execPath, [require.resolve("tsx/cli"), "--conditions", "react-server", "tests/e2e/seed-hostile.ts"], {
      env: { ...process.env, ...admin, DATABASE_URL: "", DATA_DIR: dataDir, HOSTILE_IDS_FILE: idsFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    child.on("exit", (c) => (c === 0 ? resolve(idsFile) : reject(new Error(`hostile seed failed (${c}):\n${log}`))));
  });
}

async function waitForHealth(server, deadline) {
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} server exited with ${server.child.exitCode}`);
    try {
      const res = await fetch(`${server.url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${server.name} server did not become healthy within 60 s`);
}

function databaseUrl(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Accepts every message and writes it to `dir` as `<arrival>-<n>.eml` (written whole, then renamed in). */
async function startMailSink(dir) {
  let received = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("end", () => {
        const name = `${Date.now()}-${String(++received).padStart(5, "0")}.eml`;
        writeFileSync(path.join(dir, `.${name}`), Buffer.concat(chunks));
        renameSync(path.join(dir, `.${name}`), path.join(dir, name));
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(smtpPort, "127.0.0.1", resolve);
  });
  return server;
}

const database = `policy_desk_e2e_${Date.now().toString(36)}_${process.pid}`;
let maintenance = null;
let mailSink = null;
let code = 1;
try {
  const mailDir = newDataDir();
  mailSink = await startMailSink(mailDir);
  // The seed runs while the other servers start; its server starts once it is done.
  const hostileDir = withHostile ? newDataDir() : null;
  const hostileSeed = hostileDir ? seedHostile(hostileDir) : null;
  hostileSeed?.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  const main = startServer("pglite", port, { DATABASE_URL: "" });
  const runnerEnv = { E2E_BASE_URL: main.url, E2E_FIXTURE_PORT: String(fixturePort), E2E_MAIL_DIR: mailDir };
  if (withPostgres) {
    maintenance = postgres(postgresUrl, { max: 1, onnotice: () => {} });
    try {
      await maintenance.unsafe(`create database "${database}"`);
    } catch (error) {
      maintenance = null;
      throw new Error(`cannot create the two-process database on ${postgresUrl} (${error.message}); set E2E_POSTGRES_URL, or E2E_POSTGRES=off to skip`);
    }
    const shared = { DATABASE_URL: databaseUrl(postgresUrl, database), AUTH_SECRET: randomBytes(32).toString("base64url") };
    const a = startServer("postgres-a", port + 1, shared);
    const b = startServer("postgres-b", port + 2, shared);
    Object.assign(runnerEnv, { E2E_PROCESS_A_URL: a.url, E2E_PROCESS_B_URL: b.url });
  }
  if (hostileSeed) {
    const idsFile = await hostileSeed;
    const hostile = startServer("hostile", port + 3, { DATABASE_URL: "" }, hostileDir);
    Object.assign(runnerEnv, { E2E_HOSTILE_URL: hostile.url, E2E_HOSTILE_IDS: idsFile });
  }
  const deadline = Date.now() + 60_000;
  await Promise.all(servers.map((server) => waitForHealth(server, deadline)));
  code = await new Promise((resolve) => {
    const runner = spawn(process.execPath, [require.resolve("@playwright/test/cli"), "test", ...process.argv.slice(2)], {
      env: { ...process.env, ...runnerEnv, E2E_ADMIN_EMAIL: admin.ADMIN_EMAIL, E2E_ADMIN_PASSWORD: admin.ADMIN_PASSWORD },
      stdio: "inherit",
    });
    runner.on("exit", (c) => resolve(c ?? 1));
  });
} catch (error) {
  console.error(String(error));
} finally {
  if (code !== 0) for (const server of servers) console.error(`--- ${server.name} server output ---\n${server.log}`);
  await Promise.all(
    servers.map(({ child }) => {
      child.kill("SIGTERM");
      return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", resolve)));
    }),
  );
  if (mailSink) await new Promise((resolve) => mailSink.close(resolve));
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  if (maintenance) {
    await maintenance.unsafe(`drop database if exists "${database}" with (force)`).catch((error) => console.error(`could not drop ${database}: ${error.message}`));
    await maintenance.end();
  }
}
process.exit(code);
