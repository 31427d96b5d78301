import crypto from "node:crypto";
import type { Invitation } from "../../db/schema";

/** A new unguessable invitation token (256 bits), as it appears in the link. */
export function newInvitationToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What is stored instead of the token: a database leak then yields no usable links. */
export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export type InvitationState = "pending" | "expired" | "revoked" | "accepted";

/** Where an invitation stands at `now`; used and revoked win over expired. */
export function invitationState(
  invitation: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">,
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** The path of the page that accepts `token`. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
