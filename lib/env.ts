import path from "node:path";
import { z } from "zod";
import { parseAddressRange, parseRangeList, splitRangeList, type AddressRange } from "./security/ip-ranges";

/** `host:port` with a DNS name, IPv4 literal or bracketed IPv6 literal, and an explicit port. */
const ALLOW_ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+):\d{1,5}$/;

/** Splits SOURCE_FETCH_ALLOW into lower-cased entries; hosts are compared lower-cased, as URLs normalise them. */
function splitAllowList(raw: string): string[] {
  return raw
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry.length > 0);
}

const DURATION = /^(\d+)\s*(s|m|h|d)?$/i;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `7d`, `12h`, `30m`, `90s` or plain seconds, as milliseconds; null when it is none of these. */
export function parseDuration(raw: string): number | null {
  const match = DURATION.exec(raw.trim());
  if (!match) return null;
  const unit = (match[2]?.toLowerCase() ?? "s") as keyof typeof UNIT_MS;
  return Number(match[1]) * UNIT_MS[unit];
}

/** A duration variable of at least `minMs`, as milliseconds. */
function duration(name: string, fallback: string, minMs: number) {
  return z
    .string()
    .default(fallback)
    .transform((raw, ctx) => {
      const ms = parseDuration(raw);
      if (ms === null || ms < minMs) {
        ctx.addIssue({ code: "custom", message: `${name} must be a duration of at least ${minMs / 60_000} minutes, e.g. 7d, 12h or 30m` });
        return z.NEVER;
      }
      return ms;
    });
}

/**
 * Configuration, read and validated once. Nothing else in the application reads `process.env`
 * (Next.js' own variables such as NEXT_PHASE and NODE_ENV excepted).
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, "ADMIN_PASSWORD must be at least 10 characters").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** `1`: count SQL statements and report the count on /api/health (for `npm run bench`). */
  PD_SQL_STATS: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  /** Public base URL of this deployment; named in the User-Agent of source fetches so site operators can reach us. */
  APP_URL: z
    .url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL" })
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  /** The public URL next-auth builds its links from behind a proxy; mail links fall back to it when APP_URL is unset. */
  AUTH_URL: z
    .url({ protocol: /^https?$/, error: "AUTH_URL must be an http(s) URL" })
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  /** `smtp://` or `smtps://user:pass@host:port`. Unset: mails are written to $DATA_DIR/outbox as .eml files. */
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@mail.example.org:465")
    .optional(),
  /** The From of every mail: an address, or `Name <address>`. */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, "MAIL_FROM must be an address or Name <address>")
    .default("Policy Desk <no-reply@policy-desk.local>"),
  /** `host:port` pairs (comma/space separated) that source fetches may reach even on private or loopback addresses. */
  SOURCE_FETCH_ALLOW: z
    .string()
    .default("")
    .refine((v) => splitAllowList(v).every((entry) => ALLOW_ENTRY.test(entry)), {
      message: "SOURCE_FETCH_ALLOW must list host:port entries, e.g. intranet.example:8080 or [::1]:8080",
    }),
  /** Minimum gap between two source fetches to the same host, in this process (politeness towards government sites). */
  SOURCE_FETCH_HOST_INTERVAL_MS: z.coerce.number().int().min(0).default(3000),
  /** `off`: this process runs no background jobs (source checks, snapshots); another process must. */
  JOBS: z.enum(["on", "off"]).default("on"),
  /** Reverse proxies (addresses or CIDR ranges, comma/space separated) whose X-Forwarded-For is believed. */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .refine((v) => splitRangeList(v).every((entry) => parseAddressRange(entry) !== null), {
      message: "TRUSTED_PROXIES must list IP addresses or CIDR ranges, e.g. 10.0.0.0/8, 127.0.0.1, fd00::/8",
    }),
  /** How long a session lasts without being used; every use extends it (rolling). */
  SESSION_MAX_AGE: duration("SESSION_MAX_AGE", "7d", 5 * 60_000),
  /** Optional stricter limit: a session with no request for this long ends (`off`: only SESSION_MAX_AGE applies). */
  SESSION_IDLE_TIMEOUT: z
    .string()
    .default("off")
    .transform((raw, ctx) => {
      if (raw.trim().toLowerCase() === "off") return null;
      const ms = parseDuration(raw);
      if (ms === null || ms < 5 * 60_000) {
        ctx.addIssue({ code: "custom", message: "SESSION_IDLE_TIMEOUT must be off or a duration of at least 5 minutes, e.g. 30m or 8h" });
        return z.NEVER;
      }
      return ms;
    }),
  /** Live streams (`/api/live`) one user may hold open at once, across every app process. */
  LIVE_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(10),
  /** Interval of the live stream's heartbeat, which re-checks the session. */
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(120_000).default(25_000),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; sourceFetchAllow: string[]; trustedProxies: AddressRange[] };

let cached: Env | undefined;

/** The validated configuration; throws a readable error listing every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    DATABASE_URL: process.env.DATABASE_URL,
    DATA_DIR: process.env.DATA_DIR || undefined,
    AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    ADMIN_EMAIL: process.env.ADMIN_EMAIL || undefined,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || undefined,
    PORT: process.env.PORT || undefined,
    LOG_LEVEL: process.env.LOG_LEVEL || undefined,
    PD_SQL_STATS: process.env.PD_SQL_STATS || undefined,
    APP_URL: process.env.APP_URL || undefined,
    AUTH_URL: process.env.AUTH_URL || undefined,
    SMTP_URL: process.env.SMTP_URL || undefined,
    MAIL_FROM: process.env.MAIL_FROM || undefined,
    SOURCE_FETCH_ALLOW: process.env.SOURCE_FETCH_ALLOW || undefined,
    SOURCE_FETCH_HOST_INTERVAL_MS: process.env.SOURCE_FETCH_HOST_INTERVAL_MS || undefined,
    JOBS: process.env.JOBS || undefined,
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || undefined,
    SESSION_MAX_AGE: process.env.SESSION_MAX_AGE || undefined,
    SESSION_IDLE_TIMEOUT: process.env.SESSION_IDLE_TIMEOUT || undefined,
    LIVE_MAX_CONNECTIONS: process.env.LIVE_MAX_CONNECTIONS || undefined,
    LIVE_HEARTBEAT_MS: process.env.LIVE_HEARTBEAT_MS || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.DATA_DIR),
    sourceFetchAllow: splitAllowList(parsed.data.SOURCE_FETCH_ALLOW),
    trustedProxies: parseRangeList(parsed.data.TRUSTED_PROXIES),
  };
  return cached;
}

/** Forgets the configuration read so far (tests that change the environment between cases). */
export function resetEnvForTests(): void {
  cached = undefined;
}

/** True while `next build` collects page data: nothing may open the database then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
