import "server-only";
import { getDatabase } from "../../db/client";
import { log } from "../log";
import type { LiveEvent } from "./events";
import { listenLive } from "./listen";

/** A delivered event with its id in this process's sequence (`<boot>-<n>`, for Last-Event-ID). */
export type NumberedEvent = LiveEvent & { id: string };
type Subscriber = (event: NumberedEvent) => void;

const BUFFER_SIZE = 500;

/**
 * One LISTEN per process, fanned out to every open SSE connection. The last events are kept in
 * a ring buffer so a browser that reconnects (with Last-Event-ID) gets what it missed; when the
 * id is unknown (another process, or too old) it is told to refresh instead.
 */
class LiveHub {
  private readonly boot = Date.now().toString(36);
  private seq = 0;
  private readonly buffer: NumberedEvent[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private listening: Promise<void> | null = null;

  start(): Promise<void> {
    this.listening ??= this.listen().catch((error) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private async listen() {
    const handle = getDatabase();
    await listenLive(handle, (event) => this.deliver(event));
    log.info("live.listening", { driver: handle.driver });
  }

  private deliver(event: LiveEvent) {
    const numbered = { ...event, id: `${this.boot}-${++this.seq}` };
    this.buffer.push(numbered);
    if (this.buffer.length > BUFFER_SIZE) this.buffer.shift();
    for (const subscriber of this.subscribers) subscriber(numbered);
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** The events after `lastId`, or null when they cannot be known (the caller then refreshes). */
  since(lastId: string): NumberedEvent[] | null {
    const [boot, n] = lastId.split("-");
    const seq = Number(n);
    if (boot !== this.boot || !Number.isInteger(seq)) return null;
    const oldest = this.buffer[0];
    if (oldest && Number(oldest.id.split("-")[1]) > seq + 1) return null;
    return this.buffer.filter((e) => Number(e.id.split("-")[1]) > seq);
  }

  get connections() {
    return this.subscribers.size;
  }
}

const holder = globalThis as typeof globalThis & { __policyDeskLiveHub?: LiveHub };

/** The process's live hub (listening once started). */
export function liveHub(): LiveHub {
  holder.__policyDeskLiveHub ??= new LiveHub();
  return holder.__policyDeskLiveHub;
}
