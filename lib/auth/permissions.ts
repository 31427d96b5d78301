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
] as const;
export type Permission = (typeof permissions)[number];

const viewer: readonly Permission[] = ["workspace.read", "profile.update"];
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
