"use client";

import { useEffect } from "react";
import { addTopic } from "./live-store";

/**
 * Declares that the page shows `entityType`/`entityId` (omit the id for "any of that type", use
 * `entityType="*"` for everything): a live change to it refreshes the page. Renders nothing.
 */
export function LiveTopic({ entityType, entityId = "*" }: { entityType: string; entityId?: string }) {
  useEffect(() => addTopic(`${entityType}:${entityId}`), [entityType, entityId]);
  return null;
}
