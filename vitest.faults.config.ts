import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:faults` (after `npm run build`): kills and outages against production servers.
// One file at a time: each starts its own servers on its own ports.
const config = mergeConfig(base, defineConfig({ test: { testTimeout: 240_000, fileParallelism: false } }));
config.test!.include = ["tests/faults/**/*.test.ts"];
config.test!.globalSetup = [];
export default config;
