import { reportDownload } from "@/lib/reports/download";

export const dynamic = "force-dynamic";

/** A report as DOCX or Markdown: `<id>.docx`, `<id>.md`, or `period.docx|md?from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return reportDownload(request, (await params).file);
}
