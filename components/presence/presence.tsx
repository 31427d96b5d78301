import { LiveTopic } from "@/components/live/live-topic";
import { getActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { viewersOf } from "@/lib/presence/queries";
import { PresenceViewers } from "./presence-viewers";

/**
 * "Who else is viewing now" for one page (`brief:<id>`, `response_item:<id>`), or with `editing`
 * "who else is editing" on an edit screen (`edit:policy:<id>`): the viewers as
 * the server saw them, kept current by the page's heartbeat and by live presence events.
 */
export async function Presence({ topic, editing = false }: { topic: string; editing?: boolean }) {
  const actor = await getActor();
  if (!actor) return null;
  const [t, viewers] = await Promise.all([getT(), viewersOf(topic, actor.id)]);
  return (
    <>
      <LiveTopic entityType="presence" entityId={topic} />
      <PresenceViewers
        topic={topic}
        initialViewers={viewers}
        labels={
          editing
            ? { heading: t("presence.editingHeading"), alone: t("presence.editingAlone"), others: t("presence.editingOthers") }
            : { heading: t("presence.heading"), alone: t("presence.alone"), others: t("presence.others") }
        }
      />
    </>
  );
}
