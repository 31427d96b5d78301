import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { invitations } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { invitationState } from "./invitation-token";
import { revokeInvitationSchema } from "./schemas";

/** Makes a pending invitation's link stop working. */
export async function revokeInvitation({ actor, input, now = new Date() }: { actor: Actor; input: { invitationId: string }; now?: Date }) {
  assertCan(actor, "members.manage");
  const { invitationId } = revokeInvitationSchema.parse(input);

  await db().transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).limit(1).for("update");
    if (!invitation) throw new AppError("not_found", { message: "members.invitationNotFound" });
    const state = invitationState(invitation, now);
    if (state !== "pending") throw new AppError("conflict", { message: "members.invitationNotPending" });

    await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, invitationId));
    await recordActivity(tx, {
      actorId: actor.id,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitationId,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
  });
}
