import { getActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Whether the request's session is still good (200) or not (401), checked against the database
 * like every page. A page asks before refreshing itself for a live change: with the session gone
 * the refresh would replace it with the sign-in page, and what was typed there would be lost.
 */
export async function GET() {
  const actor = await getActor();
  return Response.json({ ok: Boolean(actor) }, { status: actor ? 200 : 401, headers: { "cache-control": "no-store" } });
}
