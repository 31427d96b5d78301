import type { Role } from "../vocab";

/**
 * What a role may do. Pure rules (no database): callers pass the actor's role as read from the
 * database for this request. Every server action checks one of these; hiding a button is not a check.
 */
export const permissions = [
  /** Read every screen. */
  "workspace.read",
  /** Change one's own password and language. */
  "profile.update",
  "briefs.edit",
  "policies.edit",
  /** Delete and restore policies (soft). */
  "policies.delete",
  "responseItems.edit",
  "framework.edit",
  "impacts.edit",
  "annotations.edit",
  "comments.write",
  /** Manage watched sources and triage the intake queue. */
  "intake.manage",
  /** Invite, change roles, deactivate and reactivate members. */
  "members.manage",
  /** Read the mail log and send test mails. */
  "mail.manage",
  /** Save one's own private searches (policies, intake) and ask for alerts on visible ones. */
  "savedSearches.save",
  /** Share a saved search with the team (it is listed in everyone's navigation). */
  "savedSearches.share",
  /** Delete another member's shared search (keeping the team's list tidy; never a private one). */
  "savedSearches.moderate",
  /** Generate a period report (and delete one's own). */
  "reports.generate",
  /** Delete any member's report. */
  "reports.moderate",
] as const;
export type Permission = (typeof permissions)[number];

const viewer: readonly Permission[] = ["workspace.read", "profile.update", "savedSearches.save"];
const editor: readonly Permission[] = [
  ...viewer,
  "briefs.edit",
  "policies.edit",
  "responseItems.edit",
  "framework.edit",
  "impacts.edit",
  "annotations.edit",
  "comments.write",
  "intake.manage",
  "savedSearches.share",
  "reports.generate",
];

const grants: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  editor: new Set(editor),
  viewer: new Set(viewer),
};

/** True when `role` may do `permission`; no role (anonymous) may do nothing. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? grants[role].has(permission) : false;
}

export type MemberChangeRefusal = "self" | "last_admin";

/**
 * Whether an admin may change a member's role or active state. An admin never demotes or
 * deactivates themself (they would lock themselves out mid-action), and the last active admin
 * keeps the role, so the team can always manage its members.
 */
export function memberChangeRefusal(change: {
  actorId: string;
  target: { id: string; role: Role; active: boolean };
  next: { role: Role; active: boolean };
  activeAdminCount: number;
}): MemberChangeRefusal | null {
  const { actorId, target, next, activeAdminCount } = change;
  const losesAdmin = target.role === "admin" && target.active && (next.role !== "admin" || !next.active);
  if (!losesAdmin) return null;
  if (target.id === actorId) return "self";
  if (activeAdminCount <= 1) return "last_admin";
  return null;
}

/** What a member may do with one saved search (`see` false: it must look as if it did not exist). */
export type SavedSearchAccess = { see: boolean; edit: boolean; remove: boolean };

/**
 * Saved searches: a private one exists for its owner alone (for anyone else, even an admin, it is
 * hidden); a shared one is seen by every member. Only the owner renames or re-shares it; the owner
 * deletes it, and so may an admin when it is shared.
 */
export function savedSearchAccess(actor: { id: string; role: Role }, search: { ownerId: string; shared: boolean }): SavedSearchAccess {
  const own = search.ownerId === actor.id;
  const see = own || search.shared;
  return {
    see,
    edit: own && can(actor.role, "savedSearches.save"),
    remove: (own && can(actor.role, "savedSearches.save")) || (search.shared && can(actor.role, "savedSearches.moderate")),
  };
}

/** Reports: every member reads them; their author (while an editor or admin) or an admin deletes one. */
export function canDeleteReport(actor: { id: string; role: Role }, report: { authorId: string | null }): boolean {
  return (report.authorId === actor.id && can(actor.role, "reports.generate")) || can(actor.role, "reports.moderate");
}
