import { briefExportMarkdown } from "@/lib/annotations/export";
import { exportResponse } from "@/lib/annotations/export-response";

export const dynamic = "force-dynamic";

/** The brief with its annotations as Markdown, for the signed-in reader. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return exportResponse(
    id,
    (data) =>
      new Response(briefExportMarkdown(data), {
        headers: {
          "content-type": "text/markdown; charset=utf-8",
          "content-disposition": `inline; filename="brief-${data.revision?.number ?? 0}.md"`,
          "cache-control": "private, no-store",
        },
      }),
  );
}
