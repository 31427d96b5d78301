import { exportResponse } from "@/lib/annotations/export-response";

export const dynamic = "force-dynamic";

/** Every annotation of the brief the reader may see, with selectors, anchors and threads. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return exportResponse(id, (data) =>
    Response.json(
      { brief: data.brief, revision: data.revision && { id: data.revision.id, number: data.revision.number }, annotations: data.annotations },
      { headers: { "cache-control": "private, no-store" } },
    ),
  );
}
