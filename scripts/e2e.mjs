#!/usr/bin/env node
// `npm run test:e2e`: serves the production build (run `npm run build` first) on a fresh data
// directory with a known first admin, waits for /api/health, runs the Playwright suite against it
// in Debian's Chromium, then stops the server and removes the data directory.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const port = process.env.E2E_PORT ?? "3210";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "policy-desk-e2e-"));
const env = {
  ...process.env,
  PORT: port,
  DATA_DIR: dataDir,
  DATABASE_URL: "",
  ADMIN_EMAIL: "admin@e2e.test",
  ADMIN_PASSWORD: "e2e-admin-password",
  AUTH_URL: `http://localhost:${port}`,
};
const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", port], {
  env,
  stdio: ["ignore", "pipe", "pipe"],
});
let serverLog = "";
server.stdout.on("data", (chunk) => (serverLog += chunk));
server.stderr.on("data", (chunk) => (serverLog += chunk));

async function waitForHealth(deadline) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`http://localhost:${port}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("server did not become healthy within 60 s");
}

let code = 1;
try {
  await waitForHealth(Date.now() + 60_000);
  code = await new Promise((resolve) => {
    const runner = spawn(process.execPath, [require.resolve("@playwright/test/cli"), "test", ...process.argv.slice(2)], {
      env: { ...env, E2E_BASE_URL: `http://localhost:${port}`, E2E_ADMIN_EMAIL: env.ADMIN_EMAIL, E2E_ADMIN_PASSWORD: env.ADMIN_PASSWORD },
      stdio: "inherit",
    });
    runner.on("exit", (c) => resolve(c ?? 1));
  });
} catch (error) {
  console.error(String(error));
} finally {
  if (code !== 0) console.error(`--- server output ---\n${serverLog}`);
  server.kill("SIGTERM");
  await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once("exit", resolve)));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
