import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { presence } from "../../db/schema";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import type { LiveEvent } from "../live/events";
import { publish } from "../live/publish";
import { viewersOf } from "./queries";
import { PRESENCE_WINDOW_MS, presenceSchema, type PresenceInput } from "./schemas";

/*
 * Having a page open changes nothing of the team's work, so presence writes no activity entry
 * (the row itself is the record, and it stops counting after the presence window).
 */

/** The live event that tells other viewers of `topic` to re-read who is there. */
export function presenceChanged(topic: string): LiveEvent {
  return { entityType: "presence", entityId: topic, kind: "presence" };
}

/**
 * Records that `actor` has `topic` open (or, with `leaving`, no longer has it) and returns the
 * other viewers. Others are told only when the set changes: an arrival (no row, or a lapsed one)
 * or a departure — not on every heartbeat.
 */
export async function heartbeatPresence({ actor, input, now = new Date() }: { actor: Actor; input: PresenceInput; now?: Date }) {
  assertCan(actor, "workspace.read");
  const { topic, leaving } = presenceSchema.parse(input);
  return db().transaction(async (tx) => {
    const mine = and(eq(presence.userId, actor.id), eq(presence.topic, topic));
    const [previous] = await tx.select({ lastSeenAt: presence.lastSeenAt }).from(presence).where(mine).limit(1);
    const wasPresent = !!previous && previous.lastSeenAt.getTime() > now.getTime() - PRESENCE_WINDOW_MS;
    if (leaving) {
      if (previous) await tx.delete(presence).where(mine);
    } else {
      await tx
        .insert(presence)
        .values({ userId: actor.id, topic, lastSeenAt: now })
        .onConflictDoUpdate({ target: [presence.userId, presence.topic], set: { lastSeenAt: now } });
    }
    if (wasPresent === !!leaving) await publish(tx, presenceChanged(topic));
    return { viewers: await viewersOf(topic, actor.id, now, tx) };
  });
}
