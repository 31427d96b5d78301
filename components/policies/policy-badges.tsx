import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PolicyStatus } from "@/lib/vocab";

const statusTone: Record<PolicyStatus, BadgeTone> = {
  draft_for_comment: "amber",
  issued: "blue",
  in_force: "green",
  amended: "violet",
  repealed: "neutral",
};

export function PolicyStatusBadge({ status, label }: { status: PolicyStatus; label: string }) {
  return <Badge tone={statusTone[status]}>{label}</Badge>;
}
