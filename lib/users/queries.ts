import "server-only";
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "../../db/client";
import { invitations, users } from "../../db/schema";
import type { Locale, Role } from "../vocab";
import { hashInvitationToken, invitationState, type InvitationState } from "./invitation-token";

export type MemberRow = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  deactivatedAt: Date | null;
  version: number;
  createdAt: Date;
};

/** Every member, active ones first, then by name. */
export async function listMembers(): Promise<MemberRow[]> {
  const rows = await db()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      locale: users.locale,
      deactivatedAt: users.deactivatedAt,
      version: users.version,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.displayName));
  return rows.sort((a, b) => Number(a.deactivatedAt !== null) - Number(b.deactivatedAt !== null));
}

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedByName: string;
};

/** Invitations whose link still works at `now`, newest first. */
export async function listPendingInvitations(now = new Date()): Promise<PendingInvitation[]> {
  const inviter = alias(users, "inviter");
  return db()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedByName: inviter.displayName,
    })
    .from(invitations)
    .innerJoin(inviter, eq(inviter.id, invitations.invitedById))
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(desc(invitations.createdAt));
}

export type InvitationLookup =
  | { state: "unknown" }
  | { state: InvitationState; email: string; role: Role; expiresAt: Date };

/** What the accept page needs to know about a link's token. */
export async function findInvitationByToken(token: string, now = new Date()): Promise<InvitationLookup> {
  const [invitation] = await db()
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!invitation) return { state: "unknown" };
  return {
    state: invitationState(invitation, now),
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  };
}
