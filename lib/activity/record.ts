import type { Executor } from "../../db/client";
import { activity } from "../../db/schema";

export type ActivityEntry = {
  /** Null only for changes made by the system (seed, migrations). */
  actorId: string | null;
  /** `<entity>.<verb in the past tense>`, e.g. `user.role_changed`. */
  action: string;
  entityType: string;
  entityId: string;
  /** The changed fields only, never secrets (password hashes, tokens). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/**
 * Appends an audit entry. Call it with the write's own transaction, so a change and its entry
 * are committed (or rolled back) together.
 */
export async function recordActivity(tx: Executor, entry: ActivityEntry): Promise<void> {
  await tx.insert(activity).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
