import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const gate = path.resolve(__dirname, "../../scripts/audit-gate.mjs");

function runGate(report: unknown, env: Record<string, string> = {}) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "audit-")), "report.json");
  fs.writeFileSync(file, JSON.stringify(report));
  return spawnSync(process.execPath, [gate], { encoding: "utf8", env: { ...process.env, AUDIT_REPORT: file, ...env } });
}

const counts = (high: number, critical: number) => ({ info: 0, low: 2, moderate: 1, high, critical, total: 3 + high + critical });

describe("CI's advisory gate", () => {
  it("fails on a high or a critical advisory and names the package", () => {
    const high = runGate({ vulnerabilities: { "some-lib": { severity: "high", range: "<1.2.3" } }, metadata: { vulnerabilities: counts(1, 0) } });
    expect(high.status).toBe(1);
    expect(high.stderr).toContain("high: some-lib <1.2.3");
    expect(runGate({ vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 1) } }).status).toBe(1);
  });

  it("passes with only low and moderate advisories", () => {
    expect(runGate({ vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 0) } }).status).toBe(0);
  });

  it("warns when the advisory service cannot be asked, and fails then only when required", () => {
    const unreachable = { message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk" };
    const warned = runGate(unreachable);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toContain("gate was not evaluated: 405 Method Not Allowed");
    expect(runGate(unreachable, { AUDIT_REQUIRED: "1" }).status).toBe(1);
  });
});
