import type { Catalog } from "../../types";
import type { inbox as ko } from "../ko/inbox";

export const inbox = {
  title: "Inbox",
  intro: "Notifications that mention you, answer your comments and annotations, or concern your items, most recent first.",
  empty: "No notifications.",
  emptyHint: "You will be notified here when someone mentions you, assigns you an item, or a policy affects one of your items.",
  unread: "Unread",
  unreadSummary: "{count} unread",
  from: "from {name}",
  markRead: "Read",
  markReadOf: "Mark this notification read",
  markAllRead: "Mark all read",
  marking: "Marking…",
  older: "Older notifications",
  newest: "Back to the newest",
  caption: "Notifications",
  settings: "Notification settings",
  settingsLegend: "Choose for each kind whether it is off, in the app only, mailed at once or in the digest, on your profile.",
  settingsLink: "Change notification settings",
  system: "System",
  savedSearchMatch: "{title} — now matches your saved search “{name}”",
  savedSearchBatch: "Several policies now match your saved search “{name}”",
  savedSearchGone: "Several policies matched a saved search you can no longer see",
  signInFailures: "Someone failed to sign in to your account several times. If it wasn't you, change your password.",
} as const satisfies Catalog<typeof ko>;
