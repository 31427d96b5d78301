import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside React Server Components; tests run lib code directly.
      "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Mails signed for unsubscribing need the auth secret, generated into DATA_DIR when unset:
    // keep that out of the developer's own `.data`.
    env: { DATA_DIR: path.resolve(__dirname, ".test-data") },
    pool: "forks",
    // next-auth imports `next/server` without an extension, which Node's ESM resolver refuses.
    server: { deps: { inline: ["next-auth"] } },
    // Generous: a first test pays for importing next-auth and argon2 hashing, slow on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
