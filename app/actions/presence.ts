"use server";

import { validatedAction } from "@/lib/actions/validated-action";
import { heartbeatPresence } from "@/lib/presence/heartbeat";
import { presenceSchema } from "@/lib/presence/schemas";

/** "I still have this page open" (or, with `leaving`, "I closed it"); returns the other viewers. */
export const presenceHeartbeatAction = validatedAction({ schema: presenceSchema, permission: "workspace.read" }, async (input, actor) =>
  heartbeatPresence({ actor, input }),
);
