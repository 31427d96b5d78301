import { isUuid } from "./uuid";

/**
 * Where an activity entry or a notification about `entityType`/`entityId` leads, or null.
 * `commentId` points at one comment of the entity's thread (`#comment-<id>`, highlighted there).
 */
export function entityHref(entityType: string, entityId: string, options: { commentId?: string | null } = {}): string | null {
  const base = pageOf(entityType, entityId);
  if (!base) return null;
  return options.commentId && isUuid(options.commentId) ? `${base}#comment-${options.commentId}` : base;
}

function pageOf(entityType: string, entityId: string): string | null {
  switch (entityType) {
    case "brief":
      return "/brief";
    case "annotation":
      return isUuid(entityId) ? `/brief?annotation=${entityId}` : null;
    case "policy":
      return isUuid(entityId) ? `/policies/${entityId}` : null;
    case "intake":
    case "intake_entry":
      return "/intake";
    case "source":
      return "/intake/sources";
    case "saved_search":
      return "/saved-searches";
    case "report":
      return isUuid(entityId) ? `/reports/${entityId}` : null;
    case "response_item":
      return isUuid(entityId) ? `/response-items/${entityId}` : null;
    default:
      return null;
  }
}

/** The comment a notification's event key names (`comment:<id>`), if any. */
export function commentIdOfEventKey(eventKey: string): string | null {
  return eventKey.startsWith("comment:") ? eventKey.slice("comment:".length) : null;
}

/**
 * Where an activity entry leads. Comment entries carry their target in before/after, so they
 * lead to the comment in its thread.
 */
export function activityHref(entry: { entityType: string; entityId: string; before?: unknown; after?: unknown }): string | null {
  if (entry.entityType !== "comment") return entityHref(entry.entityType, entry.entityId);
  const fields = (entry.after ?? entry.before ?? {}) as { targetType?: unknown; targetId?: unknown };
  if (typeof fields.targetType !== "string" || typeof fields.targetId !== "string") return null;
  return entityHref(fields.targetType, fields.targetId, { commentId: entry.entityId });
}
