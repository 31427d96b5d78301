#!/usr/bin/env node
// `npm start`: build when there is no production build, then serve through scripts/server.mjs
// (Next's handler, plus the client's socket address the sign-in limits need). The server itself
// applies migrations and seeds an empty database when it starts (instrumentation.ts).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const serverScript = fileURLToPath(new URL("./server.mjs", import.meta.url));

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: running `next build` (takes a minute or two)…");
  const code = await run([nextBin, "build"]);
  if (code !== 0) process.exit(code);
}
process.exit(await run([serverScript]));
