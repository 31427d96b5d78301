"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { changeRole } from "@/lib/users/change-role";
import { deactivateMember } from "@/lib/users/deactivate-member";
import { inviteMember } from "@/lib/users/invite-member";
import { issuePasswordReset } from "@/lib/users/password-reset";
import { reactivateMember } from "@/lib/users/reactivate-member";
import { revokeInvitation } from "@/lib/users/revoke-invitation";
import { changeRoleSchema, inviteMemberSchema, issuePasswordResetSchema, memberStatusSchema, revokeInvitationSchema } from "@/lib/users/schemas";

const MEMBERS_PATH = "/members";

/** Creates an invitation (mailed too when asked); the result carries the link path, shown once to the admin. */
export const inviteMemberAction = validatedAction(
  { schema: inviteMemberSchema, permission: "members.manage" },
  async (input, actor) => {
    const invitation = await inviteMember({ actor, input });
    revalidatePath(MEMBERS_PATH);
    return { ...invitation, email: input.email, mailed: input.sendMail };
  },
);

export const revokeInvitationAction = validatedAction(
  { schema: revokeInvitationSchema, permission: "members.manage" },
  async (input, actor) => {
    await revokeInvitation({ actor, input });
    revalidatePath(MEMBERS_PATH);
  },
);

export const changeRoleAction = validatedAction(
  { schema: changeRoleSchema, permission: "members.manage" },
  async (input, actor) => {
    const result = await changeRole({ actor, input });
    revalidatePath(MEMBERS_PATH);
    return result;
  },
);

export const deactivateMemberAction = validatedAction(
  { schema: memberStatusSchema, permission: "members.manage" },
  async (input, actor) => {
    const result = await deactivateMember({ actor, input });
    revalidatePath(MEMBERS_PATH);
    return result;
  },
);

export const reactivateMemberAction = validatedAction(
  { schema: memberStatusSchema, permission: "members.manage" },
  async (input, actor) => {
    const result = await reactivateMember({ actor, input });
    revalidatePath(MEMBERS_PATH);
    return result;
  },
);

/** Issues a password reset link for a member: shown once to the admin, and mailed to the member. */
export const issuePasswordResetAction = validatedAction(
  { schema: issuePasswordResetSchema, permission: "members.manage" },
  async (input, actor) => issuePasswordReset({ actor, input }),
);
