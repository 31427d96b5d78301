import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { exportSourcesOpml } from "@/lib/intake/import-sources";

export const dynamic = "force-dynamic";

/** The watched sources as OPML, for feed readers and for another workspace (session required). */
export async function GET() {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!can(actor.role, "workspace.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const t = await getT();
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(await exportSourcesOpml(`Policy Desk — ${t("intake.sourcesTitle")}`), {
    headers: {
      "content-type": "text/x-opml; charset=utf-8",
      "cache-control": "private, no-store",
      "content-disposition": `attachment; filename="policy-desk-sources-${stamp}.opml"`,
    },
  });
}
