import type { Executor } from "../../db/client";
import { activity } from "../../db/schema";
import { publish } from "../live/publish";

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
  /** A change to a private note: only this member (its author) sees the entry and hears of it. */
  privateTo?: string | null;
  /**
   * `false` for one row of a bulk write (an import): the write publishes one event for the whole
   * batch itself, so open pages refresh once, not once per row.
   */
  publish?: false;
};

/**
 * THE place every write records itself: appends its audit entry and announces the change to
 * every open page (delivered on commit, never for a rolled-back write). Call it with the write's
 * own transaction, so a change, its entry and its event go (or vanish) together.
 */
export async function recordActivity(tx: Executor, entry: ActivityEntry): Promise<void> {
  await tx.insert(activity).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    privateTo: entry.privateTo ?? null,
  });
  if (entry.publish === false) return;
  await publish(tx, {
    entityType: entry.entityType,
    entityId: entry.entityId,
    kind: entry.action,
    ...(entry.privateTo ? { onlyFor: entry.privateTo } : {}),
  });
}
