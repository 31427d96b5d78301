import type { Catalog } from "../../types";
import type { profile as ko } from "../ko/profile";

export const profile = {
  title: "Profile",
  accountHeading: "Account",
  displayName: "Name",
  email: "Email",
  role: "Role",
  passwordHeading: "Change password",
  currentPassword: "Current password",
  newPassword: "New password",
  newPasswordHint: "At least 10 characters",
  newPasswordConfirm: "Confirm new password",
  changePasswordSubmit: "Change password",
  changingPassword: "Changing…",
  passwordChanged: "Password changed. You were signed out on every other device and browser.",
  passwordChangedSignIn: "Password changed. Please sign in again with the new password.",
  currentPasswordWrong: "The current password is incorrect.",
  languageHeading: "Language",
  languageIntro: "Choose the language of the interface.",
  languageSaved: "Language changed.",
} as const satisfies Catalog<typeof ko>;
