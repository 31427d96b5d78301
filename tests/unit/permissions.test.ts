import { describe, expect, it } from "vitest";
import { can, canDeleteReport, memberChangeRefusal, permissions, savedSearchAccess, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/vocab";

// The whole matrix, written out: a change to who may do what must change this table on purpose.
const table: Record<Permission, Record<Role, boolean>> = {
  "workspace.read": { admin: true, editor: true, viewer: true },
  "profile.update": { admin: true, editor: true, viewer: true },
  "briefs.edit": { admin: true, editor: true, viewer: false },
  "policies.edit": { admin: true, editor: true, viewer: false },
  "policies.delete": { admin: true, editor: false, viewer: false },
  "responseItems.edit": { admin: true, editor: true, viewer: false },
  "framework.edit": { admin: true, editor: true, viewer: false },
  "impacts.edit": { admin: true, editor: true, viewer: false },
  "annotations.edit": { admin: true, editor: true, viewer: false },
  "comments.write": { admin: true, editor: true, viewer: false },
  "intake.manage": { admin: true, editor: true, viewer: false },
  "members.manage": { admin: true, editor: false, viewer: false },
  "mail.manage": { admin: true, editor: false, viewer: false },
  "savedSearches.save": { admin: true, editor: true, viewer: true },
  "savedSearches.share": { admin: true, editor: true, viewer: false },
  "savedSearches.moderate": { admin: true, editor: false, viewer: false },
  "reports.generate": { admin: true, editor: true, viewer: false },
  "reports.moderate": { admin: true, editor: false, viewer: false },
};

describe("can(role, permission)", () => {
  it("covers every permission", () => {
    expect(Object.keys(table).sort()).toEqual([...permissions].sort());
  });

  for (const permission of permissions) {
    for (const role of ["admin", "editor", "viewer"] as const) {
      it(`${role} ${table[permission][role] ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(table[permission][role]);
      });
    }
  }

  it("grants nothing without a role", () => {
    for (const permission of permissions) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });
});

describe("memberChangeRefusal", () => {
  const admin = (id: string, active = true) => ({ id, role: "admin" as const, active });
  const cases: {
    name: string;
    change: Parameters<typeof memberChangeRefusal>[0];
    expected: ReturnType<typeof memberChangeRefusal>;
  }[] = [
    {
      name: "an admin demoting themself",
      change: { actorId: "a", target: admin("a"), next: { role: "editor", active: true }, activeAdminCount: 3 },
      expected: "self",
    },
    {
      name: "an admin deactivating themself",
      change: { actorId: "a", target: admin("a"), next: { role: "admin", active: false }, activeAdminCount: 3 },
      expected: "self",
    },
    {
      name: "demoting the last active admin",
      change: { actorId: "a", target: admin("b"), next: { role: "viewer", active: true }, activeAdminCount: 1 },
      expected: "last_admin",
    },
    {
      name: "deactivating the last active admin",
      change: { actorId: "a", target: admin("b"), next: { role: "admin", active: false }, activeAdminCount: 1 },
      expected: "last_admin",
    },
    {
      name: "demoting one of two admins",
      change: { actorId: "a", target: admin("b"), next: { role: "editor", active: true }, activeAdminCount: 2 },
      expected: null,
    },
    {
      name: "changing an editor",
      change: { actorId: "a", target: { id: "b", role: "editor", active: true }, next: { role: "viewer", active: false }, activeAdminCount: 1 },
      expected: null,
    },
    {
      name: "changing a deactivated admin's role (not an active admin)",
      change: { actorId: "a", target: admin("b", false), next: { role: "viewer", active: false }, activeAdminCount: 1 },
      expected: null,
    },
    {
      name: "keeping oneself admin",
      change: { actorId: "a", target: admin("a"), next: { role: "admin", active: true }, activeAdminCount: 1 },
      expected: null,
    },
  ];
  for (const { name, change, expected } of cases) {
    it(`${name} → ${expected ?? "allowed"}`, () => {
      expect(memberChangeRefusal(change)).toBe(expected);
    });
  }
});

describe("savedSearchAccess", () => {
  const me = (role: Role) => ({ id: "me", role });
  const rows: [string, Role, { ownerId: string; shared: boolean }, { see: boolean; edit: boolean; remove: boolean }][] = [
    ["a viewer's own private search", "viewer", { ownerId: "me", shared: false }, { see: true, edit: true, remove: true }],
    ["an editor's own shared search", "editor", { ownerId: "me", shared: true }, { see: true, edit: true, remove: true }],
    ["someone else's private search, for an admin", "admin", { ownerId: "them", shared: false }, { see: false, edit: false, remove: false }],
    ["someone else's private search, for an editor", "editor", { ownerId: "them", shared: false }, { see: false, edit: false, remove: false }],
    ["someone else's shared search, for a viewer", "viewer", { ownerId: "them", shared: true }, { see: true, edit: false, remove: false }],
    ["someone else's shared search, for an editor", "editor", { ownerId: "them", shared: true }, { see: true, edit: false, remove: false }],
    ["someone else's shared search, for an admin (moderation)", "admin", { ownerId: "them", shared: true }, { see: true, edit: false, remove: true }],
  ];
  it.each(rows)("%s", (_name, role, search, expected) => {
    expect(savedSearchAccess(me(role), search)).toEqual(expected);
  });
});

describe("canDeleteReport", () => {
  const report = { authorId: "author" };
  it.each([
    ["its author, an editor", { id: "author", role: "editor" as const }, true],
    ["its author, demoted to viewer", { id: "author", role: "viewer" as const }, false],
    ["another editor", { id: "other", role: "editor" as const }, false],
    ["an admin", { id: "other", role: "admin" as const }, true],
  ])("%s → %s", (_name, actor, expected) => {
    expect(canDeleteReport(actor, report)).toBe(expected);
  });
});
