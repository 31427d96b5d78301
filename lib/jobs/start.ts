import { env } from "../env";
import { log } from "../log";
import { jobDefinitions } from "./definitions";
import { startJobs } from "./runner";

/**
 * Starts this server process' job runner, unless `JOBS=off`. A failure is logged, not fatal:
 * pages keep working, and checks resume once a process starts its runner.
 */
export async function startBackgroundJobs(): Promise<void> {
  if (env().JOBS === "off") return;
  try {
    await startJobs(jobDefinitions);
  } catch (error) {
    log.error("jobs.start_failed", { error });
  }
}
