/**
 * One app process for jobs-two-processes.test.ts, run with tsx: starts as the server does
 * (bootstrap — migrate, seed an empty database — then the job runner with every job
 * definition), prints `ready`, and on `go` (a line on stdin) runs the handlers of the digest and
 * reminder jobs `ROUNDS` times at once, as the schedule and `npm run jobs:run` do, then prints
 * `done` and keeps its runner (which sends the mails) until it is stopped.
 */
import readline from "node:readline";
import { bootstrap } from "../../lib/bootstrap";
import { jobDefinitions } from "../../lib/jobs/definitions";
import { startBackgroundJobs } from "../../lib/jobs/start";
import { DIGESTS_DUE } from "../../lib/mail/jobs";
import { DUE_REMINDERS } from "../../lib/notifications/jobs";

const rounds = Number(process.env.ROUNDS ?? "3");
const handlerOf = (name: string) => {
  const definition = jobDefinitions.find((d) => d.name === name);
  if (!definition) throw new Error(`no job ${name}`);
  return definition.handler;
};

async function main() {
  await bootstrap();
  await startBackgroundJobs();
  console.log("ready");
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim() !== "go") continue;
    const runs = Array.from({ length: rounds }, () => [handlerOf(DIGESTS_DUE)({}), handlerOf(DUE_REMINDERS)({})]).flat();
    await Promise.all(runs);
    console.log("done");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
