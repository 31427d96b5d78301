import { getActor } from "@/lib/auth/session";
import { visibleTo } from "@/lib/live/events";
import { liveHub, type NumberedEvent } from "@/lib/live/hub";
import { isActiveMember } from "@/lib/users/queries";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events: the live changes this user may hear of (ids only). Signed-in, active
 * members only; the member is checked again at every heartbeat, so a deactivated member's
 * stream ends. A reconnect with Last-Event-ID gets the missed events, or `refresh` when they are
 * unknown to this process.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });

  const hub = liveHub();
  await hub.start();
  const encoder = new TextEncoder();
  const lastId = request.headers.get("last-event-id");
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const sendEvent = (event: NumberedEvent) => {
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
        const still = await isActiveMember(actor.id).catch(() => false);
        if (!still) {
          cleanup();
          try {
            controller.close();
          } catch {
            /* already closed */
          }
          return;
        }
        send(": ping\n\n");
      }, HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
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
