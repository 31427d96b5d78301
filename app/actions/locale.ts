"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { failure, fieldErrorsFrom, toFailure, type ActionResult } from "@/lib/actions/result";
import { getActor } from "@/lib/auth/session";
import { getT, LOCALE_COOKIE } from "@/lib/i18n/server";
import { setLocale } from "@/lib/users/set-locale";
import { setLocaleSchema } from "@/lib/users/schemas";
import type { Locale } from "@/lib/vocab";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * Switches the interface language, for the nav's language switch and the profile page. Signed
 * in, it is stored on the user (it follows them to other browsers); either way the cookie is set,
 * so the sign-in page and anonymous pages speak it too. Accepts `"en"` or a form with `locale`.
 */
export async function setLocaleAction(locale: Locale | FormData): Promise<ActionResult<{ locale: Locale }>> {
  const t = await getT();
  const parsed = setLocaleSchema.safeParse({ locale: locale instanceof FormData ? locale.get("locale") : locale });
  if (!parsed.success) return failure(t, "invalid", { fieldErrors: fieldErrorsFrom(parsed.error, t) });

  const actor = await getActor();
  if (actor) {
    try {
      await setLocale({ actor, input: parsed.data });
    } catch (error) {
      return toFailure(error, t);
    }
  }
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: ONE_YEAR_S, sameSite: "lax", httpOnly: true });
  revalidatePath("/", "layout");
  return { ok: true, locale: parsed.data.locale };
}
