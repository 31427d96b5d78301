import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { common as ko } from "@/lib/i18n/messages/ko/common";
import { type Server, actionId, basePort, openLiveStream, privateCluster, signIn, sleep, startServer, stopServer, tempDir } from "./support";

/**
 * The Postgres server goes away while the app runs (a private cluster on its own port, stopped
 * with `pg_ctl stop -m fast`): the health check says 503, pages show the app's error page (no
 * stack trace, no blank page), and once Postgres is back the same process serves, writes and
 * delivers live updates again — no restart.
 */

const clusterPort = Number(process.env.FAULTS_PG_PORT ?? "5460");

/** Polls `probe` until it returns true; fails with `what` after `ms`. */
async function eventually(what: string, ms: number, probe: () => Promise<boolean>) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return Date.now();
    await sleep(250);
  }
  throw new Error(`${what} within ${ms / 1000} s`);
}

const healthStatus = (server: Server) => fetch(`${server.url}/api/health`).then((r) => r.status);

// Generous for a loaded 2-core machine, yet well below postgres.js' default reconnect wait
// (10–20 s once a few attempts have failed), which kept every page hanging during an outage.
const QUICK_MS = 8_000;

async function timedGet(client: Awaited<ReturnType<typeof signIn>>, pathname: string) {
  const started = Date.now();
  const res = await client.get(pathname);
  await res.text();
  return { status: res.status, ms: Date.now() - started };
}

describe("Postgres stops while the app runs", () => {
  const cluster = privateCluster(clusterPort);
  const dataDir = tempDir("pd-faults-outage-");
  let server: Server | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    cluster.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 503 and an error page while it is down, and recovers by itself", { timeout: 180_000 }, async () => {
    cluster.init();
    cluster.start();
    server = await startServer(basePort + 2, { DATABASE_URL: cluster.url, AUTH_SECRET: randomBytes(32).toString("base64url"), DATA_DIR: dataDir });
    const pid = server.child.pid;
    const client = await signIn(server.url);
    // Pages are looked at in a real browser: what a reader sees, not what the HTML carries.
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const context = await browser.newContext({ locale: "ko-KR" });
    await context.addCookies(client.cookies().map(([name, value]) => ({ name, value, url: server!.url })));
    const page = await context.newPage();
    const errorHeading = page.getByRole("heading", { name: ko.errorTitle });
    const policiesTable = page.getByRole("table");

    expect((await page.goto(`${server.url}/policies`))?.status()).toBe(200);
    await policiesTable.first().waitFor();
    expect(await errorHeading.count()).toBe(0);

    // The process starts LISTENing with its first live stream: before the outage.
    const early = await openLiveStream(server.url, client.cookie());
    cluster.stop();
    await eventually("/api/health did not turn 503", 15_000, async () => (await healthStatus(server!)) === 503);
    expect(await fetch(`${server.url}/api/health`).then((r) => r.json())).toEqual({ status: "unavailable", database: "postgres" });

    // Pages fail fast with the app's own error page, in the reader's language, with no internals.
    for (let i = 0; i < 3; i++) {
      const { status, ms } = await timedGet(client, "/policies");
      expect({ status, fast: ms < QUICK_MS }, `a page while Postgres is down took ${ms} ms`).toEqual({ status: 500, fast: true });
    }
    const shownAt = Date.now();
    await page.goto(`${server.url}/policies`);
    await errorHeading.waitFor({ timeout: 30_000 });
    expect(Date.now() - shownAt, "the error page took too long").toBeLessThan(QUICK_MS);
    const shown = await page.locator("body").innerText();
    expect(shown).toContain(ko.errorBody);
    expect(shown, "internals on the error page").not.toMatch(/ECONNREFUSED|CONNECT_TIMEOUT|postgres|\bat .+:\d+:\d+/i);

    // A write is refused, and the process stays up.
    const importPolicies = actionId("app/(workspace)/policies/actions.ts", "importPoliciesAction");
    await expect(client.action("/policies/import", importPolicies, { csv: "title_zh,title_ko\n中文,한국어\n", dryRun: false })).rejects.toThrow();
    expect(server.child.exitCode).toBeNull();

    cluster.start();
    const back = Date.now();
    const healthy = await eventually("/api/health did not return to 200", QUICK_MS, async () => (await healthStatus(server!)) === 200);
    console.log(`healthy again ${healthy - back} ms after Postgres started`);
    // A pooled connection that was idle through the outage can fail its first query once (the
    // server's "terminating connection" arrives with it); the pool then replaces it. Pages must be
    // back within QUICK_MS, and from then on answer at once.
    const pagesBack = await eventually("pages did not recover", QUICK_MS, async () => (await timedGet(client, "/policies")).status === 200);
    console.log(`pages again ${pagesBack - back} ms after Postgres started`);
    for (let i = 0; i < 3; i++) {
      const { status, ms } = await timedGet(client, "/policies");
      expect({ status, fast: ms < QUICK_MS }, `a page after Postgres came back took ${ms} ms`).toEqual({ status: 200, fast: true });
    }
    expect((await page.goto(`${server.url}/policies`))?.status()).toBe(200);
    await policiesTable.first().waitFor();
    expect(await errorHeading.count()).toBe(0);
    const result = await client.action<{ ok: boolean; report: { created: number } }>("/policies/import", importPolicies, {
      csv: `title_zh,title_ko\n恢复${randomBytes(4).toString("hex")},복구${randomBytes(4).toString("hex")}\n`,
      dryRun: false,
    });
    expect(result).toMatchObject({ ok: true, report: { created: 1 } });

    // Live updates: the process's LISTEN connection came back too (a write reaches a stream).
    const live = await openLiveStream(server.url, client.cookie());
    try {
      const topic = `brief:${randomUUID()}`;
      const heartbeat = actionId("app/actions/presence.ts", "presenceHeartbeatAction");
      expect(await client.action("/brief", heartbeat, { topic })).toMatchObject({ ok: true });
      expect(await live.carries(topic, QUICK_MS), "a live event after the outage").toBe(true);
    } finally {
      live.close();
      early.close();
    }
    expect(server.child.pid).toBe(pid);
    expect(server.child.exitCode).toBeNull();
  });
});
