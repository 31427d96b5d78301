import { and, isNotNull, isNull, lte, notInArray } from "drizzle-orm";
import { db } from "../../db/client";
import { responseItems } from "../../db/schema";
import { addDays, todayIn } from "../format";
import { notify } from "./notify";

/** Items due within this many days are announced to their owner as due soon. */
export const DUE_SOON_DAYS = 3;

/**
 * Reminds each owner of an open (not done or dropped), unarchived item: `due_soon` when it is due
 * within 3 days (Seoul calendar), `overdue` once its due date has passed. Run once a day by the
 * `due-reminders` job. The event key `due:<itemId>:<today>` makes it once per item per day
 * however many processes run it or how often; the owner's preference for the kind decides whether
 * it is also mailed or listed in the digest. System notifications: no actor.
 */
export async function notifyDueItems(now: Date = new Date()): Promise<number> {
  const today = todayIn(undefined, now);
  const horizon = addDays(today, DUE_SOON_DAYS);
  return db().transaction(async (tx) => {
    const due = await tx
      .select({ id: responseItems.id, ownerId: responseItems.ownerId, dueOn: responseItems.dueOn })
      .from(responseItems)
      .where(
        and(
          isNotNull(responseItems.ownerId),
          isNotNull(responseItems.dueOn),
          isNull(responseItems.archivedAt),
          lte(responseItems.dueOn, horizon),
          notInArray(responseItems.status, ["done", "dropped"]),
        ),
      );
    let created = 0;
    for (const item of due) {
      const kind = item.dueOn! < today ? "overdue" : "due_soon";
      const notified = await notify(tx, {
        kind,
        userIds: [item.ownerId],
        actorId: null,
        entityType: "response_item",
        entityId: item.id,
        eventKey: `due:${item.id}:${today}`,
      });
      created += notified.length;
    }
    return created;
  });
}
