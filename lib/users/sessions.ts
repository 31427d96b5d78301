import { db } from "../../db/client";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import { listOpenSessions, revokeAllSessions, revokeSession } from "../auth/sessions";
import type { Actor } from "../auth/session";

/** The actor's open sessions for the profile, the current one marked. */
export async function mySessions({ actor, currentId }: { actor: Actor; currentId: string | null }) {
  assertCan(actor, "profile.update");
  const rows = await listOpenSessions(actor.id);
  return rows.map((row) => ({ ...row, current: row.id === currentId }));
}

/** Ends one of the actor's own sessions (another browser); someone else's session id is not found. */
export async function endMySession({ actor, sessionId }: { actor: Actor; sessionId: string }) {
  assertCan(actor, "profile.update");
  if (!(await revokeSession(actor.id, sessionId))) throw new AppError("not_found");
}

/** "Sign out everywhere": every session of the actor ends, this one included. Returns how many. */
export async function signOutEverywhere({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<number> {
  assertCan(actor, "profile.update");
  return db().transaction(async (tx) => {
    const ended = await revokeAllSessions(tx, actor.id, { now });
    await recordActivity(tx, { actorId: actor.id, action: "user.signed_out_everywhere", entityType: "user", entityId: actor.id, after: { sessions: ended } });
    return ended;
  });
}
