import { AppError } from "../actions/result";
import { can, type Permission } from "./permissions";
import type { Actor } from "./session";

/**
 * Throws a 401/403 AppError unless `actor` may do `permission`. Lib verbs call it first, so
 * a verb is safe even when called from somewhere other than validatedAction (a script, a test).
 */
export function assertCan(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated");
  if (!can(actor.role, permission)) throw new AppError("forbidden");
}
