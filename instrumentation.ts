import type { Instrumentation } from "next";

/** Server start: migrate, seed, say how to sign in, start the job runner (never during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { bootstrap } = await import("./lib/bootstrap");
  await bootstrap();
  const { startBackgroundJobs } = await import("./lib/jobs/start");
  await startBackgroundJobs();
}

/** Every request's server error, as one structured log line (users only see a digest). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/log");
  log.error("request.failed", {
    method: request.method,
    path: request.path,
    route: context.routePath,
    routeType: context.routeType,
    digest: (error as { digest?: string }).digest,
    error,
  });
};
