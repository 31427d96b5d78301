import type { DatabaseHandle } from "../../db/client";
import { LIVE_CHANNEL, type LiveEvent, parseLiveEvent } from "./events";

/**
 * Listens for live events on `handle` (postgres.js: a dedicated connection that reconnects by
 * itself; PGlite: its built-in LISTEN). Resolves once listening; returns the way to stop.
 */
export async function listenLive(handle: DatabaseHandle, onEvent: (event: LiveEvent) => void): Promise<() => Promise<void>> {
  const onPayload = (payload: string) => {
    const event = parseLiveEvent(payload);
    if (event) onEvent(event);
  };
  if (handle.driver === "postgres") {
    const { unlisten } = await handle.sql.listen(LIVE_CHANNEL, onPayload);
    return unlisten;
  }
  return handle.pglite.listen(LIVE_CHANNEL, onPayload);
}
