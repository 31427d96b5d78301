import type { Catalog } from "../../types";
import type { inbox as ko } from "../ko/inbox";

export const inbox = {
  title: "Inbox",
  intro: "Notifications that mention you or concern your items, most recent first.",
  laterNote: "Marking notifications as read and notification settings come in a later update.",
  empty: "No notifications.",
  emptyHint: "You will be notified here when someone mentions you, assigns you an item, or a policy affects one of your items.",
  unread: "Unread",
  from: "from {name}",
} as const satisfies Catalog<typeof ko>;
