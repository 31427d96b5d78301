import { exportResponse } from "@/lib/policies/export-response";

export const dynamic = "force-dynamic";

/** The policies screen's current view as JSON (same query string as /policies). */
export function GET(request: Request) {
  return exportResponse(request, "json");
}
