import { and, isNotNull, lte, notInArray } from "drizzle-orm";
import { db } from "../../db/client";
import { responseItems } from "../../db/schema";
import { todayIn } from "../format";
import { log } from "../log";
import { notify } from "./notify";

/** Items due within this many days (or overdue) are announced to their owner. */
export const DUE_SOON_DAYS = 3;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Tells each owner of an open item due within 3 days (Seoul calendar) or overdue. The event key
 * `due:<itemId>:<dueOn>` makes it once per due date: a moved due date is a new event, running
 * again is harmless. System notifications: no actor.
 */
export async function notifyDueItems(now: Date = new Date()): Promise<number> {
  const horizon = addDays(todayIn(undefined, now), DUE_SOON_DAYS);
  return db().transaction(async (tx) => {
    const due = await tx
      .select({ id: responseItems.id, ownerId: responseItems.ownerId, dueOn: responseItems.dueOn })
      .from(responseItems)
      .where(
        and(
          isNotNull(responseItems.ownerId),
          isNotNull(responseItems.dueOn),
          lte(responseItems.dueOn, horizon),
          notInArray(responseItems.status, ["done", "dropped"]),
        ),
      );
    let created = 0;
    for (const item of due) {
      const notified = await notify(tx, {
        kind: "due_soon",
        userIds: [item.ownerId],
        actorId: null,
        entityType: "response_item",
        entityId: item.id,
        eventKey: `due:${item.id}:${item.dueOn}`,
      });
      created += notified.length;
    }
    return created;
  });
}

const HOUR_MS = 60 * 60 * 1000;
const holder = globalThis as typeof globalThis & { __policyDeskDueCheck?: number };

/**
 * Runs `notifyDueItems` at most once an hour per process, when a page that shows notifications
 * renders (inbox, dashboard). The app has no scheduler and needs none: due dates are calendar
 * days, an hour's delay is fine, and the event key keeps concurrent processes from notifying twice.
 */
export async function notifyDueItemsOpportunistically(now: Date = new Date()): Promise<void> {
  if (holder.__policyDeskDueCheck && now.getTime() - holder.__policyDeskDueCheck < HOUR_MS) return;
  holder.__policyDeskDueCheck = now.getTime();
  try {
    await notifyDueItems(now);
  } catch (error) {
    holder.__policyDeskDueCheck = undefined;
    log.error("notifications.due_check_failed", { error });
  }
}
