/** The Postgres channel every app process listens on. */
export const LIVE_CHANNEL = "policy_desk";

/**
 * What a live event says: which entity changed and how. Ids only, never rows: a receiver that
 * cares re-reads what it may see through its normal (permission-checked) queries.
 * `entityType: "user"` events concern one user only (their notifications) and are delivered
 * only to that user's connections; `onlyFor` limits any event to one user (a private note's
 * author: nobody else may learn that it changed).
 */
export type LiveEvent = { entityType: string; entityId: string; kind: string; onlyFor?: string };

/** Parses a NOTIFY payload; null for anything that is not a live event. */
export function parseLiveEvent(payload: string): LiveEvent | null {
  try {
    const value = JSON.parse(payload) as Partial<LiveEvent>;
    if (typeof value.entityType === "string" && typeof value.entityId === "string" && typeof value.kind === "string") {
      const event: LiveEvent = { entityType: value.entityType, entityId: value.entityId, kind: value.kind };
      if (typeof value.onlyFor === "string") event.onlyFor = value.onlyFor;
      return event;
    }
  } catch {
    /* not ours */
  }
  return null;
}

/** Whether `event` may be sent to `userId`'s browser. */
export function visibleTo(event: LiveEvent, userId: string): boolean {
  if (event.onlyFor) return event.onlyFor === userId;
  return event.entityType !== "user" || event.entityId === userId;
}
