import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getT } from "@/lib/i18n/server";
import { heartbeatPresence } from "@/lib/presence/heartbeat";
import { presenceTopicSchema } from "@/lib/presence/schemas";
import { z } from "zod";

export const dynamic = "force-dynamic";

const leaveSchema = z.object({ topic: presenceTopicSchema });

/**
 * "I closed this page": the presence departure a page sends as it goes away. A route handler, not
 * a server action, so that the browser can send it with `keepalive` and it survives the page's
 * unload (a server action's fetch is cancelled with the page, and the viewer would linger until
 * the presence window lapsed).
 */
export async function POST(request: Request) {
  const actor = await getActor();
  const t = await getT();
  if (!actor) return Response.json({ error: t("common.unauthenticated") }, { status: 401 });
  if (!can(actor.role, "workspace.read")) return Response.json({ error: t("common.forbidden") }, { status: 403 });
  const parsed = leaveSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: t("common.invalidInput") }, { status: 400 });
  await heartbeatPresence({ actor, input: { topic: parsed.data.topic, leaving: true } });
  return new Response(null, { status: 204 });
}
