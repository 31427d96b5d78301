import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";

let cached: string | undefined;

/**
 * The key that signs session tokens: AUTH_SECRET when configured, else a key generated once
 * into `$DATA_DIR/auth-secret`, so a self-hosted install works without setup and sessions
 * survive restarts. Read lazily (never at import) so `next build` needs no secret.
 */
export function authSecret(): string {
  if (cached) return cached;
  const config = env();
  if (config.AUTH_SECRET) return (cached = config.AUTH_SECRET);

  const file = path.join(config.dataDir, "auth-secret");
  // The data directory and the secret are the server's alone: 0700 and 0600, created exclusively.
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    // Written aside, then hard-linked into place: link() fails when the file already exists, so
    // two processes starting at once agree on one secret and neither reads a half-written file.
    const draft = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(draft, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.unlinkSync(draft);
    }
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret; delete it to generate a new one.`);
  return (cached = secret);
}
