import { sessionToken } from "@/lib/auth/session";
import { endsSession, userOfSession } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { claimLiveConnection, keepLiveConnection, releaseLiveConnection } from "@/lib/live/connections";
import { visibleTo } from "@/lib/live/events";
import { liveHub, type NumberedEvent } from "@/lib/live/hub";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events: the live changes this user may hear of (ids only). Signed-in, active
 * members only, with at most LIVE_MAX_CONNECTIONS streams per user across every app process
 * (429 beyond). The session is checked again at every heartbeat, and at once when any process
 * announces that it was revoked (signing out, "sign out everywhere"), and the stream ends when
 * it no longer holds. A reconnect with Last-Event-ID gets the missed events, or `refresh` when
 * they are unknown to this process.
 */
export async function GET(request: Request) {
  const token = await sessionToken();
  const actor = token && (await userOfSession(token));
  if (!token || !actor) return new Response("Unauthorized", { status: 401 });

  const { LIVE_MAX_CONNECTIONS: cap, LIVE_HEARTBEAT_MS: heartbeatMs } = env();
  const slot = await claimLiveConnection(actor.id, token.sessionId, { cap, heartbeatMs });
  if (!slot) {
    log.info("live.connection_refused", { userId: actor.id, cap });
    return new Response("Too many open live connections", { status: 429, headers: { "retry-after": "30" } });
  }

  const hub = liveHub();
  await hub.start();
  const encoder = new TextEncoder();
  const lastId = request.headers.get("last-event-id");
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // Ends the stream unless the session still holds (not counted as use: a stream is no person).
      const recheck = async () => {
        const still = await userOfSession(token, { touch: false }).catch(() => null);
        if (!still && !closed) close();
        return Boolean(still);
      };
      const sendEvent = (event: NumberedEvent) => {
        if (endsSession(event, token.sessionId)) {
          void recheck();
          return;
        }
        if (!visibleTo(event, actor.id)) return;
        const { id, ...data } = event;
        send(`id: ${id}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`);
      };
      send("retry: 1000\n\n");
      if (lastId) {
        const missed = hub.since(lastId);
        if (missed === null) send(`event: refresh\ndata: {}\n\n`);
        else missed.forEach(sendEvent);
      }
      const unsubscribe = hub.subscribe(sendEvent);
      const heartbeat = setInterval(async () => {
        if (!(await recheck())) return;
        await keepLiveConnection(slot).catch(() => {});
        send(": ping\n\n");
      }, heartbeatMs);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        void releaseLiveConnection(slot).catch(() => {});
      };
      request.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
