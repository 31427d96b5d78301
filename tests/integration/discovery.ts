import fs from "node:fs";
import path from "node:path";

/*
 * Finds every public entry point of the app, for the suites that must cover all of them
 * (action-coverage, authorization-matrix). Modules are imported, so the calling test file must
 * declare its module mocks (next-auth, next/cache, next/headers) before calling these.
 */

export const APP_DIR = path.resolve(__dirname, "../../app");

export type AnyAction = (...args: unknown[]) => Promise<unknown>;
export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, keep);
    return keep(full) ? [full] : [];
  });
}

/** Every module under app/ that starts with "use server". */
export function serverActionFiles(dir = APP_DIR): string[] {
  return filesUnder(dir, (file) => /\.tsx?$/.test(file) && /^\s*["']use server["']/.test(fs.readFileSync(file, "utf8")));
}

/** Every exported server action, keyed `<file under app/>#<export>` (e.g. `actions/comments.ts#addCommentAction`). */
export async function discoverServerActions(): Promise<Map<string, AnyAction>> {
  const found = new Map<string, AnyAction>();
  for (const file of serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") found.set(`${path.relative(APP_DIR, file)}#${name}`, value as AnyAction);
    }
  }
  return found;
}

/** Every exported HTTP method of every route handler, keyed `<file under app/>#<METHOD>` (e.g. `api/health/route.ts#GET`). */
export async function discoverRouteHandlers(): Promise<Map<string, RouteHandler>> {
  const found = new Map<string, RouteHandler>();
  for (const file of filesUnder(APP_DIR, (f) => /[\\/]route\.tsx?$/.test(f))) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (method in mod) found.set(`${path.relative(APP_DIR, file)}#${method}`, mod[method] as RouteHandler);
    }
  }
  return found;
}
