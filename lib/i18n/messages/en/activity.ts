import type { Catalog } from "../../types";
import type { activity as ko } from "../ko/activity";

export const activity = {
  title: "Activity",
  intro: "Who changed what, and when, most recent first (last 100 entries).",
  empty: "No activity has been recorded yet.",
  system: "System",
  caption: "Activity, most recent first",
  when: "When",
  who: "Who",
  what: "What",
  target: "On",
  "entity.brief": "Brief",
  "entity.policy": "Policy",
  "entity.response_item": "Response item",
  "entity.user": "Member",
  "entity.invitation": "Invitation",
  "action.workspace.seeded": "Prepared the workspace with its initial data",
  "action.user.joined": "Joined the team",
  "action.user.role_changed": "Changed a role",
  "action.user.deactivated": "Deactivated a member",
  "action.user.reactivated": "Reactivated a member",
  "action.user.password_changed": "Changed their password",
  "action.user.locale_changed": "Changed their language",
  "action.invitation.created": "Created an invitation",
  "action.invitation.revoked": "Revoked an invitation",
} as const satisfies Catalog<typeof ko>;
