import "server-only";
import { db } from "../../db/client";
import { can } from "../auth/permissions";
import { getActor } from "../auth/session";
import { fieldErrorsFrom } from "../actions/result";
import { translator } from "../i18n/catalog";
import { getT } from "../i18n/server";
import { isUuid } from "../uuid";
import { reportSections } from "../vocab";
import { buildReportContent } from "./build";
import { reportDocx } from "./docx";
import { reportMarkdown } from "./markdown";
import { reportOutline } from "./outline";
import { getReport } from "./queries";
import { periodQuerySchema } from "./schemas";

const FILE = /^(?<name>period|[0-9a-fA-F-]{36})\.(?<format>docx|md)$/;
const contentTypes = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
} as const;

/**
 * `/api/reports/<id>.docx|md` (a saved report, as frozen) and `/api/reports/period.docx|md?from=…&to=…`
 * (the period as it is now, not saved). Every member may download; the session cookie decides.
 */
export async function reportDownload(request: Request, file: string): Promise<Response> {
  const actor = await getActor();
  const t = await getT();
  if (!actor) return Response.json({ error: t("common.unauthenticated") }, { status: 401 });
  if (!can(actor.role, "workspace.read")) return Response.json({ error: t("common.forbidden") }, { status: 403 });
  const match = FILE.exec(file)?.groups;
  if (!match || (match.name !== "period" && !isUuid(match.name))) return Response.json({ error: t("common.notFoundBody") }, { status: 404 });
  const format = match.format as keyof typeof contentTypes;
  const url = new URL(request.url);
  let blocks;
  let name: string;
  if (match.name === "period") {
    const query = Object.fromEntries(url.searchParams);
    const sections = url.searchParams.getAll("sections");
    const parsed = periodQuerySchema.safeParse({ ...query, sections: sections.length ? sections : undefined });
    if (!parsed.success) {
      return Response.json({ error: t("common.invalidInput"), fieldErrors: fieldErrorsFrom(parsed.error, t) }, { status: 400 });
    }
    const { from, to } = parsed.data;
    const language = parsed.data.language ?? actor.locale;
    const content = await buildReportContent(db(), { from, to, language, sections: parsed.data.sections ?? reportSections });
    const title = translator(language)("reports.defaultTitle", { from, to });
    blocks = reportOutline({ title, authorName: null, generatedAt: new Date() }, content);
    name = `report-${from}-${to}`;
  } else {
    const report = await getReport(match.name);
    if (!report) return Response.json({ error: t("common.notFoundBody") }, { status: 404 });
    blocks = reportOutline(report, report.content);
    name = `report-${report.periodFrom}-${report.periodTo}`;
  }
  const body = format === "docx" ? new Uint8Array(await reportDocx(blocks, url.origin)) : reportMarkdown(blocks, url.origin);
  return new Response(body, {
    headers: {
      "content-type": contentTypes[format],
      "content-disposition": `attachment; filename="${name}.${format}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
