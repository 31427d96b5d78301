import { unsubscribePage, unsubscribeTarget, unsubscribeWithToken } from "@/lib/mail/unsubscribe";

export const dynamic = "force-dynamic";

/*
 * One-click unsubscribe (RFC 8058), without signing in: the signed, expiring token in the URL
 * names one member and one kind of mail, and is the only permission. A mail provider POSTs
 * `List-Unsubscribe=One-Click` to the List-Unsubscribe URL; a person who opens the link from the
 * mail gets a page with a button that POSTs the same. GET never changes anything.
 */

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-robots-tag": "noindex" } });

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token");
  const target = await unsubscribeTarget(token);
  if (!target || !token) return html(unsubscribePage({ step: "invalid", locale: "ko" }), 400);
  return html(unsubscribePage({ step: "ask", target, token }));
}

export async function POST(request: Request) {
  const target = await unsubscribeWithToken(new URL(request.url).searchParams.get("token"));
  if (!target) return html(unsubscribePage({ step: "invalid", locale: "ko" }), 400);
  return html(unsubscribePage({ step: "done", target }));
}
