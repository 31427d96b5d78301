import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npx vitest run --config vitest.perf.config.ts`: measurements, kept out of `npm test`.
const config = mergeConfig(base, defineConfig({ test: { testTimeout: 300_000 } }));
config.test!.include = ["tests/perf/**/*.perf.ts"];
export default config;
