import { and, eq, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { invitations, users } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { invitationMail } from "../mail/account-mail";
import { enqueueMail } from "../mail/enqueue";
import { absoluteUrl } from "../mail/links";
import { formatDateTime } from "./labels";
import { hashInvitationToken, invitationPath, newInvitationToken } from "./invitation-token";
import { inviteMemberSchema, type InviteMemberInput } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates an invitation and returns its link path. The token is shown once, to the inviting
 * admin, and with `sendMail` also mailed to the address (in the admin's language: the invitee
 * has no setting yet); only its hash is stored. Inviting an address again replaces
 * its pending invitation, so at most one working link exists per address.
 */
export async function inviteMember({ actor, input, now = new Date() }: { actor: Actor; input: InviteMemberInput; now?: Date }) {
  assertCan(actor, "members.manage");
  const { email, role, expiresInDays, sendMail } = inviteMemberSchema.parse(input);
  const token = newInvitationToken();
  const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS);

  return db().transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (existing) throw new AppError("conflict", { message: "members.emailTaken", fields: { email: "members.emailTaken" } });

    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    const [invitation] = await tx
      .insert(invitations)
      .values({ email, role, tokenHash: hashInvitationToken(token), invitedById: actor.id, expiresAt, createdAt: now })
      .returning({ id: invitations.id });

    await recordActivity(tx, {
      actorId: actor.id,
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation.id,
      after: { email, role, expiresAt: expiresAt.toISOString(), replaced: replaced.map((r) => r.id), mailed: sendMail },
    });
    if (sendMail) {
      const content = invitationMail(actor.locale, absoluteUrl(invitationPath(token)), actor.displayName, formatDateTime(expiresAt, actor.locale));
      await enqueueMail(tx, { to: email, locale: actor.locale, kind: "invitation", content });
    }
    return { invitationId: invitation.id, path: invitationPath(token), expiresAt: expiresAt.toISOString() };
  });
}
