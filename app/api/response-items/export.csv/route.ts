import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { formatDateTime, isoDateTime } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { REPORT_COLUMNS, toCsv } from "@/lib/response-items/csv";
import { listResponseItems } from "@/lib/response-items/queries";

export const dynamic = "force-dynamic";

/** The status report of all live response items as CSV, for a signed-in member (session cookie). */
export async function GET() {
  const actor = await getActor();
  const t = await getT();
  if (!actor) return Response.json({ error: t("common.unauthenticated") }, { status: 401 });
  if (!can(actor.role, "workspace.read")) return Response.json({ error: t("common.forbidden") }, { status: 403 });
  const items = await listResponseItems();
  const header = REPORT_COLUMNS.map((key) => t(key));
  const rows = items.map((item) => [
    item.number,
    item.title,
    item.ownerName ?? t("items.unassigned"),
    t(`vocab.itemStatus.${item.status}`),
    t(`vocab.priority.${item.priority}`),
    item.dueOn ?? "",
    item.lastUpdateAt ? formatDateTime(item.lastUpdateAt, actor.locale) : "",
    item.openImpacts,
  ]);
  const stamp = isoDateTime(new Date()).slice(0, 10);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="response-items-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
