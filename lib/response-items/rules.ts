import type { ItemStatus } from "../vocab";

/** Statuses in which an item no longer needs work. */
export const closedItemStatuses: readonly ItemStatus[] = ["done", "dropped"];

/** True when the item is still open and its due date (a calendar date) is before `today`. */
export function isOverdue(item: { status: ItemStatus; dueOn: string | null }, today: string): boolean {
  return item.dueOn !== null && item.dueOn < today && !closedItemStatuses.includes(item.status);
}

/** Order for "my items": overdue first, then open by due date (undated last), closed last. */
export function compareForOwner(a: { status: ItemStatus; dueOn: string | null; number: number }, b: typeof a, today: string): number {
  const rank = (i: typeof a) => (isOverdue(i, today) ? 0 : closedItemStatuses.includes(i.status) ? 2 : 1);
  return (
    rank(a) - rank(b) ||
    (a.dueOn ?? "9999-12-31").localeCompare(b.dueOn ?? "9999-12-31") ||
    a.number - b.number
  );
}
