import "server-only";
import { AppError } from "../actions/result";
import { can } from "../auth/permissions";
import { getActor } from "../auth/session";
import { type BriefExport, loadBriefExport } from "./export";

/**
 * What both export URLs share: the session cookie decides who reads (401 without one; viewers
 * may export), and private notes come out only for their author.
 */
export async function exportResponse(briefId: string, render: (data: BriefExport) => Response): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!can(actor.role, "workspace.read")) return Response.json({ error: "forbidden" }, { status: 403 });
  try {
    return render(await loadBriefExport(briefId, actor.id));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
