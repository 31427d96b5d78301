import "server-only";
import { z } from "zod";
import { can, type Permission } from "../auth/permissions";
import { getActor, type Actor } from "../auth/session";
import { getT } from "../i18n/server";
import { failure, fieldErrorsFrom, toFailure, type ActionResult } from "./result";
import { unstorableField } from "./storable-text";

/**
 * A server action as forms and code call it: directly with FormData or a plain object, or as
 * `useActionState`'s action with the previous result first.
 */
export type ServerAction<Input, Data extends object> = {
  (input: FormData | Input): Promise<ActionResult<Data>>;
  (previous: ActionResult<Data> | null, input: FormData | Input): Promise<ActionResult<Data>>;
};

/** FormData as a plain object: repeated names become arrays, Next's `$ACTION…` fields are dropped. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

function inputOf(args: unknown[]): unknown {
  const input = args.length >= 2 ? args[1] : args[0];
  return input instanceof FormData ? formDataToObject(input) : input;
}

/**
 * The one wrapper every signed-in server action uses. Every exported action is a public POST
 * endpoint, so the order is fixed: session (401) → permission from the database role (403) →
 * parse (400, translated field errors, nothing written; strings Postgres cannot store included) → `fn`. An AppError or ZodError thrown
 * by `fn` (a lib verb) becomes a typed failure; `fn`'s return value is spread into `{ ok: true }`.
 */
export function validatedAction<S extends z.ZodType, Data extends object = object>(
  options: { schema: S; permission: Permission },
  fn: (input: z.output<S>, actor: Actor) => Promise<Data | void>,
): ServerAction<z.input<S>, Data> {
  const action = async (...args: unknown[]): Promise<ActionResult<Data>> => {
    const actor = await getActor();
    const t = await getT();
    if (!actor) return failure(t, "unauthenticated");
    if (!can(actor.role, options.permission)) return failure(t, "forbidden");
    const parsed = options.schema.safeParse(inputOf(args));
    if (!parsed.success) return failure(t, "invalid", { fieldErrors: fieldErrorsFrom(parsed.error, t) });
    const unstorable = unstorableField(parsed.data);
    if (unstorable) return failure(t, "invalid", { fieldErrors: { [unstorable]: [t("validation.unstorableText")] } });
    try {
      const data = await fn(parsed.data, actor);
      return { ok: true, ...(data ?? {}) } as ActionResult<Data>;
    } catch (error) {
      return toFailure(error, t);
    }
  };
  return action as ServerAction<z.input<S>, Data>;
}

/**
 * The same, for the few actions that run without a session (accepting an invitation).
 * There is no permission to check, so the verb itself must decide who may do what.
 */
export function publicAction<S extends z.ZodType, Data extends object = object>(
  options: { schema: S },
  fn: (input: z.output<S>) => Promise<Data | void>,
): ServerAction<z.input<S>, Data> {
  const action = async (...args: unknown[]): Promise<ActionResult<Data>> => {
    const t = await getT();
    const parsed = options.schema.safeParse(inputOf(args));
    if (!parsed.success) return failure(t, "invalid", { fieldErrors: fieldErrorsFrom(parsed.error, t) });
    const unstorable = unstorableField(parsed.data);
    if (unstorable) return failure(t, "invalid", { fieldErrors: { [unstorable]: [t("validation.unstorableText")] } });
    try {
      const data = await fn(parsed.data);
      return { ok: true, ...(data ?? {}) } as ActionResult<Data>;
    } catch (error) {
      return toFailure(error, t);
    }
  };
  return action as ServerAction<z.input<S>, Data>;
}
