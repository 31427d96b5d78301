import { describe, expect, it } from "vitest";
import { describeSetupError } from "../../scripts/script-support";

const systemError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.code)), fields);

describe("scripts say a setup mistake in one line", () => {
  it("a missing file, a directory, a permission", () => {
    expect(describeSetupError(systemError({ code: "ENOENT", path: "/x/policies.csv", syscall: "open" }))).toBe("No such file or directory: /x/policies.csv.");
    expect(describeSetupError(systemError({ code: "EISDIR", path: "/tmp" }))).toContain("is a directory");
    expect(describeSetupError(systemError({ code: "EACCES", path: "/root/b.pd.gz", syscall: "open" }))).toContain("permissions");
  });

  it("a database that is not there, or refuses, even wrapped in another error", () => {
    expect(describeSetupError(systemError({ code: "ECONNREFUSED", address: "127.0.0.1", port: 5999 }))).toContain("127.0.0.1:5999 (ECONNREFUSED)");
    expect(describeSetupError(new Error("Failed query", { cause: systemError({ code: "3D000", message: 'database "x" does not exist' }) }))).toContain("does not exist");
    expect(describeSetupError(systemError({ code: "28P01" }))).toContain("password");
  });

  it("anything else is a bug, printed in full", () => {
    expect(describeSetupError(new TypeError("undefined is not a function"))).toBeNull();
    expect(describeSetupError(systemError({ code: "42P01", message: 'relation "users" does not exist' }))).toBeNull();
  });
});
