import { z } from "zod";
import { allCatalogs, type MessageKey, type Translate, type Vars } from "../i18n/catalog";

/** Every way an action or a lib verb can refuse, with the HTTP status it corresponds to. */
export const errorStatus = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  /** The request never got an answer (network down, server restarting): said by the client itself. */
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

const defaultMessage: Record<ErrorCode, MessageKey> = {
  invalid: "common.invalidInput",
  unauthenticated: "common.unauthenticated",
  forbidden: "common.forbidden",
  not_found: "common.notFoundBody",
  conflict: "common.conflict",
  gone: "common.notFoundBody",
  rate_limited: "auth.rateLimited",
  unavailable: "common.networkError",
};

/** Field name → translated messages, as forms display them under each input. */
export type FieldErrors = Record<string, string[]>;

export type ActionFailure = {
  ok: false;
  status: (typeof errorStatus)[ErrorCode];
  code: ErrorCode;
  formError: string;
  fieldErrors?: FieldErrors;
  /** What the form needs to recover (a conflict's current record), as plain JSON. */
  details?: Record<string, unknown>;
};
/** What every server action returns: `{ ok: true, …data }` or a typed, translated failure. */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

/**
 * A refusal thrown by a lib verb (`throw new AppError("conflict")`). Messages are catalog keys,
 * translated only when the action turns the error into a result, in the actor's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly vars?: Vars;
  readonly fields?: Record<string, MessageKey>;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    options: { message?: MessageKey; vars?: Vars; fields?: Record<string, MessageKey>; details?: Record<string, unknown> } = {},
  ) {
    super(options.message ?? code);
    this.name = "AppError";
    this.code = code;
    this.messageKey = options.message ?? defaultMessage[code];
    this.vars = options.vars;
    this.fields = options.fields;
    this.details = options.details;
  }

  /** The same refusal, carrying what the form needs to recover from it. */
  withDetails(details: Record<string, unknown>): AppError {
    return new AppError(this.code, { message: this.messageKey, vars: this.vars, fields: this.fields, details });
  }
}

/** A failure result for `code`, in the request's language. */
export function failure(
  t: Translate,
  code: ErrorCode,
  extra: { message?: MessageKey; vars?: Vars; fieldErrors?: FieldErrors; details?: Record<string, unknown> } = {},
): ActionFailure {
  const result: ActionFailure = {
    ok: false,
    status: errorStatus[code],
    code,
    formError: t(extra.message ?? defaultMessage[code], extra.vars),
  };
  if (extra.fieldErrors) result.fieldErrors = extra.fieldErrors;
  if (extra.details) result.details = extra.details;
  return result;
}

/** True when `text` names a message of the catalogs (schemas use keys as their messages). */
export function isMessageKey(text: string): text is MessageKey {
  const dot = text.indexOf(".");
  if (dot < 1) return false;
  const namespace = (allCatalogs().ko as Record<string, Record<string, string>>)[text.slice(0, dot)];
  return namespace !== undefined && text.slice(dot + 1) in namespace;
}

// zod's own messages are English sentences; these give each kind of issue a catalog message.
function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (isMessageKey(issue.message)) {
    const vars: Vars = {};
    if ("minimum" in issue) vars.minimum = Number(issue.minimum);
    if ("maximum" in issue) vars.maximum = Number(issue.maximum);
    return t(issue.message, vars);
  }
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? t("validation.required") : t("validation.tooShort", { minimum: Number(issue.minimum) });
      }
      return t("validation.tooSmall", { minimum: Number(issue.minimum) });
    case "too_big":
      return issue.origin === "string"
        ? t("validation.tooLong", { maximum: Number(issue.maximum) })
        : t("validation.tooBig", { maximum: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.invalid");
    case "invalid_type":
      return issue.expected === "number" || issue.expected === "int" ? t("validation.number") : t("validation.required");
    case "invalid_value":
      return t("validation.invalidChoice");
    default:
      return t("validation.invalid");
  }
}

/** The translated field errors of a failed parse; issues about the whole input go under "_form". */
export function fieldErrorsFrom(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[field] ??= []).push(issueMessage(issue, t));
  }
  return out;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; depth++) {
    if (e.code === "23505") return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Turns a thrown refusal into a result. Anything unexpected (including Next's redirect and
 * not-found signals) is rethrown, so bugs reach the error boundary and the log instead of
 * being disguised as a form message.
 */
export function toFailure(error: unknown, t: Translate): ActionFailure {
  if (error instanceof AppError) {
    const fieldErrors = error.fields
      ? Object.fromEntries(Object.entries(error.fields).map(([field, key]) => [field, [t(key, error.vars)]]))
      : undefined;
    return failure(t, error.code, { message: error.messageKey, vars: error.vars, fieldErrors, details: error.details });
  }
  if (error instanceof z.ZodError) return failure(t, "invalid", { fieldErrors: fieldErrorsFrom(error, t) });
  // Two writes racing for one unique value: the loser hears "someone else was first".
  if (isUniqueViolation(error)) return failure(t, "conflict");
  throw error;
}
