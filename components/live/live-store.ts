/**
 * What the open page shows, as live topics (`policy:<id>`, `policy:*`): LiveTopic components
 * register them, the LiveUpdates connection refreshes the page when an event matches one.
 */
const topics = new Map<string, number>();

export function addTopic(topic: string): () => void {
  topics.set(topic, (topics.get(topic) ?? 0) + 1);
  return () => {
    const n = (topics.get(topic) ?? 1) - 1;
    if (n <= 0) topics.delete(topic);
    else topics.set(topic, n);
  };
}

export function concernsPage(event: { entityType: string; entityId: string }): boolean {
  return topics.has(`${event.entityType}:${event.entityId}`) || topics.has(`${event.entityType}:*`) || topics.has("*:*");
}
