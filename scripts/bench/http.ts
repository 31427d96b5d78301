/**
 * The HTTP side of the benchmark: a production server on a bench database, signing in through
 * Auth.js' credentials endpoints, load with autocannon, and SQL statement counts per request.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

/** One request the benchmark makes, GET or a server action POST. */
export type Probe = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** A POST body per request (`n` counts requests), so writes can vary their input. */
  body?: (n: number) => string;
  /** Checks one response's text (run before the load); returns a problem or null. */
  check?: (status: number, text: string) => string | null;
};

export type Server = { base: string; pid: number; stop(): Promise<void> };

/**
 * `next start` on `port` with `env` — or, with `processes`, `npm start`'s own server
 * (scripts/server.mjs) with that many processes (WEB_CONCURRENCY) — resolved once /api/health
 * answers 200.
 */
export async function startServer(port: number, env: Record<string, string>, processes?: number): Promise<Server> {
  const args = processes ? ["scripts/server.mjs"] : ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"];
  if (processes) env = { ...env, WEB_CONCURRENCY: String(processes) };
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output = (output + d).slice(-4000)));
  child.stderr!.on("data", (d) => (output = (output + d).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`next start exited unexpectedly (${code ?? signal}):\n${output}`);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { base, pid: child.pid!, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer within 120 s:\n${output}`);
}

/** Signs in like a browser (CSRF token, then the credentials callback) and returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  let res = await fetch(`${base}/api/auth/csrf`);
  keep(res);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // Writes must come from the app's own origin (proxy.ts), as a browser's do.
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return cookie();
}

/** One request, its status and text. */
export async function send(base: string, probe: Probe, cookie: string, n = 0): Promise<{ status: number; text: string; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(base + probe.path, {
    method: probe.method,
    redirect: "manual",
    headers: { cookie, ...probe.headers },
    body: probe.body?.(n),
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - t0 };
}

async function statementCounter(base: string): Promise<number> {
  const res = await fetch(`${base}/api/health`);
  const json = (await res.json()) as { sqlStatements?: number };
  if (typeof json.sqlStatements !== "number") throw new Error("/api/health reports no sqlStatements: is PD_SQL_STATS=1 set?");
  return json.sqlStatements;
}

/**
 * SQL statements one request runs: the server's counter read before and after it, one request at
 * a time (the reading itself runs one `select 1`, subtracted), and its time alone: the medians of
 * `runs` tries.
 */
export async function statementsPerRequest(base: string, probe: Probe, cookie: string, runs = 3, offset = 1000): Promise<{ statements: number; ms: number }> {
  const counts: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = await statementCounter(base);
    times.push((await send(base, probe, cookie, offset + i)).ms);
    // Let anything the response scheduled after its last byte finish.
    await new Promise((r) => setTimeout(r, 50));
    counts.push((await statementCounter(base)) - before - 1);
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return { statements: median(counts), ms: median(times) };
}

export type LoadResult = {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Failed requests, timeouts (no answer within 30 s) included. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Mean response size. */
  bytes: number;
};

/** Waits until the server answers /api/health promptly again (what a slow run left queued is done). */
async function drain(base: string) {
  const deadline = Date.now() + 30_000;
  let prompt = 0;
  while (prompt < 3 && Date.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${base}/api/health`).then((r) => r.text()).catch(() => "");
    prompt = performance.now() - t0 < 200 ? prompt + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** `connections` concurrent clients for `seconds`; latencies from every response (autocannon has no p95). */
export async function load(base: string, probe: Probe, cookie: string, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let n = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: probe.method,
            path: probe.path,
            headers: { cookie, ...probe.headers },
            setupRequest: (request) => (probe.body ? { ...request, body: probe.body(n++) } : request),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  await drain(base);
  latencies.sort((a, b) => a - b);
  return {
    connections,
    requests: result.requests.total,
    rps: result.requests.total / (result.duration || seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytes: result.requests.total ? result.throughput.total / result.requests.total : 0,
  };
}
