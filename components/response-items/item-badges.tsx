import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ItemStatus, Priority } from "@/lib/vocab";

const statusTone: Record<ItemStatus, BadgeTone> = {
  not_started: "neutral",
  in_progress: "blue",
  blocked: "red",
  done: "green",
  dropped: "neutral",
};

const priorityTone: Record<Priority, BadgeTone> = { high: "amber", medium: "neutral", low: "neutral" };

export function ItemStatusBadge({ status, label }: { status: ItemStatus; label: string }) {
  return <Badge tone={statusTone[status]}>{label}</Badge>;
}

export function PriorityBadge({ priority, label }: { priority: Priority; label: string }) {
  return <Badge tone={priorityTone[priority]}>{label}</Badge>;
}

/** "Overdue" next to a due date. */
export function OverdueBadge({ label }: { label: string }) {
  return <Badge tone="red">{label}</Badge>;
}

/** The item has a policy impact its owner has not acknowledged yet. */
export function NeedsReviewBadge({ label }: { label: string }) {
  return <Badge tone="amber">{label}</Badge>;
}
