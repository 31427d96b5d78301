import { z } from "zod";
import { locales, roles } from "../vocab";

/**
 * The members and account schemas, shared by the forms (field names, limits) and the actions.
 * Custom messages are catalog keys (translated by lib/actions/result.ts); limits without one get
 * the generic `validation.*` message for their kind.
 */

export const PASSWORD_MIN_LENGTH = 10;
// Argon2 takes any length, but a cap keeps a megabyte "password" from costing a hash.
const PASSWORD_MAX_LENGTH = 200;
export const INVITATION_DAYS = { min: 1, max: 30, default: 7 } as const;

/** Trimmed and lower-cased before the format check: e-mails are stored lower-cased. */
export const emailField = z.string().trim().toLowerCase().pipe(z.email().max(254));
const newPassword = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
const displayName = z.string().trim().min(1).max(80);
const rowId = z.guid();
/** The `version` a form read, for optimistic concurrency. */
const version = z.coerce.number().int().min(1);

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const inviteMemberSchema = z.object({
  email: emailField,
  role: z.enum(roles),
  expiresInDays: z.coerce.number().int().min(INVITATION_DAYS.min).max(INVITATION_DAYS.max).default(INVITATION_DAYS.default),
  /** A checkbox: also mail the link to the address (it is shown either way). */
  sendMail: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

export const revokeInvitationSchema = z.object({ invitationId: rowId });

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(1).max(200),
    displayName,
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "auth.passwordsDiffer" });

export const changeRoleSchema = z.object({ userId: rowId, role: z.enum(roles), version });

/** Deactivating and reactivating name the member and the version the admin saw. */
export const memberStatusSchema = z.object({ userId: rowId, version });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword,
    newPasswordConfirm: z.string(),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, { path: ["newPasswordConfirm"], message: "auth.passwordsDiffer" });

export const setLocaleSchema = z.object({ locale: z.enum(locales) });

export type InviteMemberInput = z.input<typeof inviteMemberSchema>;
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;
export type MemberStatusInput = z.input<typeof memberStatusSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** Ending one of one's own sessions from the profile. */
export const endSessionSchema = z.object({ sessionId: z.uuid() });

/** "Forgot password": only the address. */
export const requestPasswordResetSchema = z.object({ email: emailField });

/** The reset page: the token from the link, and the new password twice (the same rules as a change). */
export const resetPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "auth.passwordsDiffer" });

/** An admin issuing a reset link for a member. */
export const issuePasswordResetSchema = z.object({ userId: rowId });

export type RequestPasswordResetInput = z.input<typeof requestPasswordResetSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
export type IssuePasswordResetInput = z.input<typeof issuePasswordResetSchema>;
