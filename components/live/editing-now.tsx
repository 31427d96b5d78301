import { EditWatch } from "@/components/live/edit-watch";
import { LiveTopic } from "@/components/live/live-topic";
import { WhenOpen } from "@/components/live/when-open";
import { Presence } from "@/components/presence/presence";
import { lastChange } from "@/lib/activity/queries";
import { requireActor } from "@/lib/auth/session";

/**
 * The head of an edit screen: who else has this record open for editing (before I type), and a
 * live notice when one of them saves. Inside a `<details>`, it counts only while that is open.
 */
export async function EditingNow({ entityType, entityId }: { entityType: "policy" | "response_item" | "brief"; entityId: string }) {
  const [actor, change] = await Promise.all([requireActor(), lastChange(entityType, entityId)]);
  return (
    <div className="space-y-2" data-testid="editing-now">
      <LiveTopic entityType={entityType} entityId={entityId} />
      <WhenOpen>
        <Presence topic={`edit:${entityType}:${entityId}`} editing />
      </WhenOpen>
      <EditWatch change={change} viewerId={actor.id} />
    </div>
  );
}
