import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { invitations, users } from "../../db/schema";
import type { MessageKey } from "../i18n/catalog";
import type { Locale } from "../vocab";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { hashPassword } from "../auth/password";
import { hashInvitationToken, invitationState, type InvitationState } from "./invitation-token";
import { acceptInvitationSchema, type AcceptInvitationInput } from "./schemas";

export const invitationProblem: Record<Exclude<InvitationState, "pending"> | "unknown", MessageKey> = {
  unknown: "auth.invitationUnknown",
  expired: "auth.invitationExpired",
  revoked: "auth.invitationRevoked",
  accepted: "auth.invitationUsed",
};

/**
 * Turns a pending invitation into an account with the invited role. Anyone holding the link may
 * call this (there is no session yet): the token is the permission.
 */
export async function acceptInvitation({
  input,
  locale = "ko",
  now = new Date(),
}: {
  input: AcceptInvitationInput;
  /** The language the invitee used on the accept page becomes their setting. */
  locale?: Locale;
  now?: Date;
}) {
  const { token, displayName, password } = acceptInvitationSchema.parse(input);
  // Hashed before the transaction: ~25 ms of CPU need not hold row locks (or PGlite's one connection).
  const passwordHash = await hashPassword(password);

  return db().transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashInvitationToken(token)))
      .limit(1)
      .for("update");
    const state = invitation ? invitationState(invitation, now) : "unknown";
    if (!invitation || state !== "pending") throw new AppError("gone", { message: invitationProblem[state as keyof typeof invitationProblem] });

    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).limit(1);
    if (taken) throw new AppError("conflict", { message: "auth.invitationEmailTaken" });

    const [user] = await tx
      .insert(users)
      .values({ email: invitation.email, displayName, passwordHash, role: invitation.role, locale, createdAt: now, updatedAt: now })
      .returning({ id: users.id, email: users.email });
    await tx.update(invitations).set({ acceptedAt: now, acceptedUserId: user.id }).where(eq(invitations.id, invitation.id));
    await recordActivity(tx, {
      actorId: user.id,
      action: "user.joined",
      entityType: "user",
      entityId: user.id,
      after: { email: invitation.email, displayName, role: invitation.role, invitationId: invitation.id },
    });
    return { userId: user.id, email: user.email };
  });
}
