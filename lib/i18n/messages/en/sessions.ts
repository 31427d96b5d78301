import type { Catalog } from "../../types";
import type { sessions as ko } from "../ko/sessions";

/** Signed-in sessions on the profile: where one is signed in, ending them. */
export const sessions = {
  heading: "Signed-in devices",
  intro: "Browsers signed in to this account. A sign-in not used for {lifetime} ends by itself.",
  introIdle: "Browsers signed in to this account. A sign-in not used for {lifetime} ends by itself, and so does one without any request for {idle}.",
  thisBrowser: "This browser",
  unknownDevice: "Unknown device",
  lastActive: "Last active {time}",
  signedInAt: "Signed in {time}",
  from: "From {address}",
  endSession: "Sign out",
  endSessionLabel: "Sign out {device}",
  ended: "That device is signed out.",
  everywhereHeading: "Sign out everywhere",
  everywhereIntro: "If you left a phone or a shared computer signed in, you can end every sign-in now, this browser's included.",
  everywhereSubmit: "Sign out everywhere",
  everywhereConfirm: "This signs you out on every device, this browser included. Continue?",
  everywherePending: "Signing out…",
  days: "{count} {count, plural, one {day} other {days}}",
  hours: "{count} {count, plural, one {hour} other {hours}}",
  minutes: "{count} {count, plural, one {minute} other {minutes}}",
} as const satisfies Catalog<typeof ko>;
