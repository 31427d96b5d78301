import { z } from "zod";

// Runs in the browser before the app starts. zod 4 probes whether it may compile parsers with
// `new Function` — a probe our Content-Security-Policy refuses (no 'unsafe-eval'), which the
// browser reports as a violation. Parsing without compiled parsers is the same, minus the probe.
z.config({ jitless: true });
