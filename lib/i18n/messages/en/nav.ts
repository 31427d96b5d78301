import type { Catalog } from "../../types";
import type { nav as ko } from "../ko/nav";

export const nav = {
  mainNav: "Main navigation",
  dashboard: "Dashboard",
  brief: "Brief",
  policies: "Policies",
  responseItems: "Response items",
  framework: "Framework",
  activity: "Activity",
  inbox: "Inbox",
  members: "Members",
  profile: "Profile",
  account: "Account",
  signedInAs: "Signed in as {name}",
  signOut: "Sign out",
  switching: "Switching…",
  unreadCount: "{count} unread {count, plural, one {notification} other {notifications}}",
  intake: "Intake",
  savedSearches: "Saved searches",
  savedSearchesCount: "{count, plural, one {# saved search} other {# saved searches}}",
  savedSearchesManage: "Manage saved searches",
  savedSearchesNone: "No saved searches yet.",
  savedSearchPrivate: "private",
  savedSearchAlert: "alert on",
  intakeNewCount: "{count} new intake {count, plural, one {entry} other {entries}}",
  mail: "Mail log",
} as const satisfies Catalog<typeof ko>;
