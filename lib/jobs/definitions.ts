import { intakeJobs } from "../intake/jobs";
import { mailJobs } from "../mail/jobs";
import { reminderJobs } from "../notifications/jobs";
import { reportJobs } from "../reports/weekly";
import type { JobDefinition } from "./runner";

/** Every background job kind the app runs, by name. */
export const jobDefinitions: JobDefinition[] = [...intakeJobs, ...mailJobs(), ...reminderJobs, ...reportJobs];
