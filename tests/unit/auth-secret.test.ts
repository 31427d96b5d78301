import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { DATA_DIR: process.env.DATA_DIR, AUTH_SECRET: process.env.AUTH_SECRET };

afterEach(() => {
  process.env.DATA_DIR = saved.DATA_DIR;
  process.env.AUTH_SECRET = saved.AUTH_SECRET;
  if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
  if (saved.AUTH_SECRET === undefined) delete process.env.AUTH_SECRET;
});

// lib/env.ts and lib/auth/secret.ts cache per process, so each case loads them afresh.
async function loadAuthSecret(env: { DATA_DIR: string; AUTH_SECRET?: string }) {
  process.env.DATA_DIR = env.DATA_DIR;
  if (env.AUTH_SECRET) process.env.AUTH_SECRET = env.AUTH_SECRET;
  else delete process.env.AUTH_SECRET;
  vi.resetModules();
  return (await import("@/lib/auth/secret")).authSecret;
}

describe("authSecret", () => {
  it("generates a secret once into DATA_DIR/auth-secret, readable by the owner only", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-secret-"));
    const first = (await loadAuthSecret({ DATA_DIR: dir }))();
    expect(first).toMatch(/^[\w-]{43}$/);
    const file = path.join(dir, "auth-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A restart (fresh modules) reads the same secret, so sessions survive it.
    expect((await loadAuthSecret({ DATA_DIR: dir }))()).toBe(first);
    expect(fs.readdirSync(dir)).toEqual(["auth-secret"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("creates a missing data directory for the owner only (0700)", async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "pd-secret-"));
    const dir = path.join(parent, "data");
    (await loadAuthSecret({ DATA_DIR: dir }))();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it("prefers AUTH_SECRET and then writes no file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-secret-"));
    const configured = "x".repeat(40);
    expect((await loadAuthSecret({ DATA_DIR: dir, AUTH_SECRET: configured }))()).toBe(configured);
    expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
