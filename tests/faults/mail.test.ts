import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { startSmtpServer } from "../support/smtp-server";
import { type Server, actionId, basePort, freshDatabase, signIn, sleep, startServer, stopServer, tempDir } from "./support";

/**
 * A mail is recorded in the transaction of what caused it and sent afterwards by a job. Here the
 * process that committed it is SIGKILLed while it waits for the SMTP server's greeting, before a
 * byte of the message went out: after a restart on the same database, the mail is sent once.
 */

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
});

/** An SMTP port that accepts connections and never says a word (a server stuck before its greeting). */
async function silentSmtp(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe("mail across a crash", () => {
  it("a mail committed by a process killed before sending it is sent once after the restart", async () => {
    const { url, handle, drop } = await freshDatabase("pd_faults_mail_");
    const dataDir = tempDir("pd-faults-mail-");
    const [silent, smtp] = [await silentSmtp(), await startSmtpServer()];
    const servers: (Server | undefined)[] = [];
    cleanups.push(async () => {
      for (const server of servers) await stopServer(server);
      await Promise.all([silent.close(), smtp.close()]);
      fs.rmSync(dataDir, { recursive: true, force: true });
      await drop();
    });
    const env = { DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("base64url"), DATA_DIR: dataDir, MAIL_FROM: "Policy Desk <desk@faults.test>" };
    const port = basePort + 40;

    // Process A: its SMTP server never answers, so its job hangs before sending anything.
    const first = await startServer(port, { ...env, SMTP_URL: silent.url });
    servers.push(first);
    const client = await signIn(first.url);
    const result = await client.action<{ ok: boolean }>("/mail", actionId("app/(workspace)/mail/actions.ts", "sendTestMailAction"), { to: "analyst@faults.test" });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const [mail] = await handle.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.toAddress, "analyst@faults.test"));
    expect(mail, "the mail is in the outbox once the action answered").toBeTruthy();

    // Wait until A's job has claimed it and is waiting for the greeting, then kill A.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = await handle.db.select({ status: schema.mailMessages.status }).from(schema.mailMessages).where(eq(schema.mailMessages.id, mail.id));
      if (row.status === "sending" && silent.connections() > 0) break;
      if (Date.now() > deadline) throw new Error(`A never started sending: ${row.status}\n${first.output()}`);
      await sleep(100);
    }
    first.child.kill("SIGKILL");
    await first.exited;
    expect(smtp.received).toHaveLength(0); // the working server is not even known to A

    // Process B on the same database, with a working SMTP server: the claim of the dead process
    // runs out (two minutes) and the sweep hands the mail over, once.
    const second = await startServer(port, { ...env, SMTP_URL: smtp.url });
    servers.push(second);
    // (B also sends the admin what its start-up jobs find due: only the test mail's recipient counts.)
    const toAnalyst = () => smtp.received.filter((mail) => mail.to.includes("analyst@faults.test"));
    const until = Date.now() + 240_000;
    while (toAnalyst().length === 0 && Date.now() < until) await sleep(500);
    await sleep(5_000);
    expect(toAnalyst(), "delivered exactly once").toHaveLength(1);
    const [received] = toAnalyst();
    // The very message queued before the crash (its Message-ID was fixed when it was queued).
    expect(received.parsed.messageId).toBe(mail.messageId);
    const [after] = await handle.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.id, mail.id));
    expect(after).toMatchObject({ status: "sent", lastError: null });
    expect(after.attempts).toBe(2);
  }, 330_000);
});
