import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { users } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import type { Locale } from "../vocab";
import { touched } from "./member-rows";
import { setLocaleSchema } from "./schemas";

/** Stores one's own interface language (sessions stay valid: nothing about access changed). */
export async function setLocale({ actor, input, now = new Date() }: { actor: Actor; input: { locale: Locale }; now?: Date }) {
  assertCan(actor, "profile.update");
  const { locale } = setLocaleSchema.parse(input);
  if (actor.locale === locale) return { locale };

  await db().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ locale, ...touched(now) })
      .where(eq(users.id, actor.id));
    await recordActivity(tx, {
      actorId: actor.id,
      action: "user.locale_changed",
      entityType: "user",
      entityId: actor.id,
      before: { locale: actor.locale },
      after: { locale },
    });
  });
  return { locale };
}
