import "server-only";
import { db } from "../../db/client";
import { can } from "../auth/permissions";
import { getActor } from "../auth/session";
import { parsePolicyFilters } from "./filters";
import { exportPolicies, policiesCsv } from "./export-policies";

/**
 * The export route handlers' work: they are reached without the app's pages, so they check the
 * session themselves (401 without one), then export the screen's filtered view (every page).
 */
export async function exportResponse(request: Request, format: "csv" | "json"): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!can(actor.role, "workspace.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const filters = { ...parsePolicyFilters(new URL(request.url).searchParams), deleted: false };
  const rows = await exportPolicies(db(), filters);
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = { "cache-control": "private, no-store", "content-disposition": `attachment; filename="policies-${stamp}.${format}"` };
  if (format === "json") return Response.json(rows, { headers });
  return new Response(policiesCsv(rows), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
}
