import { isUuid } from "./uuid";

/** Where an activity entry or a notification about `entityType`/`entityId` leads, or null. */
export function entityHref(entityType: string, entityId: string): string | null {
  switch (entityType) {
    case "brief":
      return "/brief";
    case "annotation":
      return isUuid(entityId) ? `/brief?annotation=${entityId}` : null;
    case "policy":
      return isUuid(entityId) ? `/policies/${entityId}` : null;
    case "response_item":
      return isUuid(entityId) ? `/response-items/${entityId}` : null;
    default:
      return null;
  }
}
