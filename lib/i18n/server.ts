import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getActor } from "../auth/session";
import type { Locale } from "../vocab";
import { translator } from "./catalog";

export const LOCALE_COOKIE = "locale";

/** The request's interface language: the signed-in user's setting, else the cookie, else Korean. */
export const getLocale = cache(async (): Promise<Locale> => {
  const actor = await getActor();
  if (actor) return actor.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return cookie === "en" ? "en" : "ko";
});

/** The translator for this request. */
export async function getT() {
  return translator(await getLocale());
}
