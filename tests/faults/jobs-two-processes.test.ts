import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { migrateAndSeed } from "@/db/migrate";
import * as schema from "@/db/schema";
import { todayIn } from "@/lib/format";
import { createResponseItem, createUser } from "../factories";
import { startSmtpServer } from "../support/smtp-server";
import { freshDatabase, sleep, tempDir } from "./support";

/**
 * "Two app processes, one Postgres: one digest per member per day, one reminder per item per
 * day." Two OS processes start as the server does (tests/faults/job-process.ts: bootstrap, then
 * the job runner) on one fresh database — which makes no digest — and both run the digest and
 * reminder jobs several times at the same moment; their runners mail through a real SMTP server in
 * this process. No build needed.
 */

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
});

type JobProcess = { child: ChildProcess; output: () => string; waitFor(line: string, ms: number): Promise<void>; exited: Promise<void> };

function startJobProcess(env: Record<string, string>): JobProcess {
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "tests/faults/job-process.ts"], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => log,
    exited,
    async waitFor(line, ms) {
      const deadline = Date.now() + ms;
      while (!log.split("\n").includes(line)) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the job process exited (${child.exitCode ?? child.signalCode}):\n${log}`);
        if (Date.now() > deadline) throw new Error(`no "${line}" from the job process within ${ms} ms:\n${log}`);
        await sleep(100);
      }
    },
  };
}

async function stopJobProcess(process: JobProcess): Promise<void> {
  if (process.child.exitCode !== null || process.child.signalCode !== null) return;
  process.child.kill("SIGTERM");
  await Promise.race([process.exited, sleep(10_000)]);
  if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill("SIGKILL");
  await process.exited;
}

const DAY = 24 * 3600_000;
const isoDay = (offset: number) => todayIn(undefined, new Date(Date.now() + offset * DAY));

describe("two app processes on one Postgres", () => {
  it("make one digest per member per day and one reminder per item per day, each mailed once", async () => {
    const { url, handle, drop } = await freshDatabase("pd_faults_jobs_");
    const smtp = await startSmtpServer();
    const dataDirs = [tempDir("pd-faults-jobs-a-"), tempDir("pd-faults-jobs-b-")];
    const processes: JobProcess[] = [];
    cleanups.push(async () => {
      for (const process of processes) await stopJobProcess(process);
      await smtp.close();
      for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
      await drop();
    });

    // Members whose digest time (00:00 in their zone) has come, each owning an item due tomorrow
    // and an overdue one; the first wants these reminders by mail at once.
    await migrateAndSeed(handle, false);
    const members = [];
    const items: schema.ResponseItem[] = [];
    for (const [i, locale] of (["ko", "en", "ko"] as const).entries()) {
      const member = await createUser(handle.db, { role: "editor", locale, digestTime: "00:00", notificationDelivery: i === 0 ? { due_soon: "email", overdue: "email" } : {} });
      members.push(member);
      items.push(await createResponseItem(handle.db, { ownerId: member.id, dueOn: isoDay(1) }));
      items.push(await createResponseItem(handle.db, { ownerId: member.id, dueOn: isoDay(-2) }));
    }
    await createResponseItem(handle.db, { ownerId: members[0].id, dueOn: isoDay(1), status: "done" });

    const secret = randomBytes(32).toString("base64url");
    for (const dataDir of dataDirs) {
      processes.push(
        startJobProcess({
          DATABASE_URL: url,
          DATA_DIR: dataDir,
          AUTH_SECRET: secret,
          APP_URL: "http://desk.faults.test",
          SMTP_URL: smtp.url,
          MAIL_FROM: "Policy Desk <desk@faults.test>",
          ADMIN_EMAIL: "admin@faults.test",
          ADMIN_PASSWORD: "faults-admin-password",
          ROUNDS: "3",
        }),
      );
    }
    const spawnedAt = Date.now();
    await Promise.all(processes.map((p) => p.waitFor("ready", 120_000)));
    // Starting makes no digest: once the jobs the starts queued have run, there is none…
    const startJobs = () =>
      handle.sql`select count(*)::int as n from pgboss.job where name in ('mail-digests-due', 'due-reminders') and state in ('created', 'retry', 'active')`;
    for (const until = Date.now() + 30_000; (await startJobs())[0].n > 0 && Date.now() < until; ) await sleep(200);
    const fiveMinutes = 5 * 60_000;
    const digestTick = Math.floor(Date.now() / fiveMinutes) !== Math.floor(spawnedAt / fiveMinutes); // the schedule's own
    if (!digestTick) expect(await handle.db.select().from(schema.mailMessages).where(eq(schema.mailMessages.kind, "digest"))).toHaveLength(0);
    // …then both run the digest and reminder jobs at once, three times each.
    for (const p of processes) p.child.stdin!.write("go\n");
    await Promise.all(processes.map((p) => p.waitFor("done", 60_000)));

    // The runners send what was queued; wait until nothing is left to send.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const pending = await handle.db.select({ id: schema.mailMessages.id }).from(schema.mailMessages).where(notInArray(schema.mailMessages.status, ["sent", "failed"]));
      if (pending.length === 0) break;
      if (Date.now() > deadline) throw new Error(`${pending.length} mail(s) still unsent:\n${processes.map((p) => p.output()).join("\n---\n")}`);
      await sleep(250);
    }
    await sleep(2000); // a doubled send would arrive now

    const memberIds = members.map((m) => m.id);
    const mails = await handle.db.select().from(schema.mailMessages).where(inArray(schema.mailMessages.userId, memberIds));
    expect(mails.every((m) => m.status === "sent")).toBe(true);
    for (const member of members) {
      expect(mails.filter((m) => m.userId === member.id && m.kind === "digest"), member.email).toHaveLength(1);
      const received = smtp.received.filter((r) => r.to.includes(member.email));
      expect(received.map((r) => r.parsed.messageId).sort(), member.email).toEqual(mails.filter((m) => m.userId === member.id).map((m) => m.messageId).sort());
    }

    const reminders = await handle.db
      .select({ entityId: schema.notifications.entityId, kind: schema.notifications.kind })
      .from(schema.notifications)
      .where(and(inArray(schema.notifications.userId, memberIds), inArray(schema.notifications.kind, ["due_soon", "overdue"])));
    expect(reminders.map((r) => `${r.kind} ${r.entityId}`).sort()).toEqual(items.map((i) => `${i.dueOn! < isoDay(0) ? "overdue" : "due_soon"} ${i.id}`).sort());
    expect(mails.filter((m) => m.kind === "due_soon" || m.kind === "overdue").map((m) => m.kind).sort()).toEqual(["due_soon", "overdue"]);
  });
});
