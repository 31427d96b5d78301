import type { Catalog } from "../../types";
import type { validation as ko } from "../ko/validation";

export const validation = {
  required: "This field is required.",
  tooShort: "Enter at least {minimum} {minimum, plural, one {character} other {characters}}.",
  tooLong: "Enter at most {maximum} {maximum, plural, one {character} other {characters}}.",
  tooSmall: "Must be at least {minimum}.",
  tooBig: "Must be at most {maximum}.",
  email: "Enter a valid email address.",
  number: "Enter a number.",
  invalidChoice: "Choose one of the options.",
  unstorableText: "Contains characters that cannot be stored (a NUL character or an unpaired surrogate).",
  invalid: "This value is not valid.",
} as const satisfies Catalog<typeof ko>;
