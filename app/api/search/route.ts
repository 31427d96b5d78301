import { db } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { DIALOG_LIMIT, globalSearch } from "@/lib/search/global";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";

export const dynamic = "force-dynamic";

/**
 * The header's search dialog: `?q=` over everything the reader may see, at most DIALOG_LIMIT hits
 * per kind (the /search page shows more). Reached without a page, so it checks the session itself.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!can(actor.role, "workspace.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const groups = await globalSearch(db(), actor.id, q, DIALOG_LIMIT);
  return Response.json({ q, groups }, { headers: { "cache-control": "private, no-store" } });
}
