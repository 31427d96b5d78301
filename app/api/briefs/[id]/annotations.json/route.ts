import { exportResponse } from "@/lib/annotations/export-response";
import { toW3C } from "@/lib/annotations/w3c";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * Every annotation of the brief the reader may see, as a W3C Web Annotation collection
 * (JSON-LD): quote and position selectors, text and tag bodies, creator and dates; replies as
 * annotations that reply to them.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const base = env().APP_URL ?? new URL(request.url).origin;
  return exportResponse(id, (data) =>
    Response.json(toW3C(data, base, `/api/briefs/${id}/annotations.json`), {
      headers: { "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', "cache-control": "private, no-store" },
    }),
  );
}
