import { z } from "zod";

/** A page that shows presence: the brief or one response item, or an edit screen (`edit:policy:<id>`). */
export const presenceTopicSchema = z
  .string()
  .regex(/^(brief|response_item|edit:policy|edit:response_item|edit:brief):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const presenceSchema = z.object({ topic: presenceTopicSchema, leaving: z.boolean().optional() });
export type PresenceInput = z.input<typeof presenceSchema>;

/** How often an open, visible page says it is still there, and how long that counts. */
export const PRESENCE_HEARTBEAT_MS = 20_000;
export const PRESENCE_WINDOW_MS = 45_000;
