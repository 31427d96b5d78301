import { and, asc, eq, gt, isNull, ne } from "drizzle-orm";
import { type Executor, db } from "../../db/client";
import { presence, users } from "../../db/schema";
import { PRESENCE_WINDOW_MS } from "./schemas";

export type Viewer = { id: string; name: string };

/** The active users other than `exceptUserId` who had `topic` open within the presence window. */
export async function viewersOf(topic: string, exceptUserId: string, now = new Date(), executor: Executor = db()): Promise<Viewer[]> {
  return executor
    .select({ id: users.id, name: users.displayName })
    .from(presence)
    .innerJoin(users, eq(users.id, presence.userId))
    .where(
      and(
        eq(presence.topic, topic),
        ne(presence.userId, exceptUserId),
        gt(presence.lastSeenAt, new Date(now.getTime() - PRESENCE_WINDOW_MS)),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(users.displayName));
}
