import { and, eq, isNull, sql } from "drizzle-orm";
import { type Executor, db } from "../../db/client";
import { type Source, sources } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { enqueue } from "../jobs/runner";
import { checkSource } from "./check-source";
import { SOURCE_CHECK } from "./jobs";
import {
  type SourceInput,
  type UpdateSourceInput,
  setSourceEnabledSchema,
  sourceRefSchema,
  sourceSchema,
  updateSourceSchema,
} from "./schemas";

/** The fields an activity entry keeps of a source. */
const described = (s: Pick<Source, "name" | "url" | "kind" | "linkSelector" | "titleSelector" | "dateSelector" | "intervalMinutes" | "enabled">) => ({
  name: s.name,
  url: s.url,
  kind: s.kind,
  linkSelector: s.linkSelector,
  titleSelector: s.titleSelector,
  dateSelector: s.dateSelector,
  intervalMinutes: s.intervalMinutes,
  enabled: s.enabled,
});

async function loadSourceForUpdate(tx: Executor, id: string, version?: number): Promise<Source> {
  const [source] = await tx.select().from(sources).where(and(eq(sources.id, id), isNull(sources.deletedAt))).for("update");
  if (!source) throw new AppError("not_found");
  if (version !== undefined && source.version !== version) throw new AppError("conflict", { message: "intake.error.conflict" });
  return source;
}

async function assertUrlFree(tx: Executor, url: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.url, url), isNull(sources.deletedAt)));
  if (taken && taken.id !== exceptId) throw new AppError("conflict", { message: "intake.error.urlTaken", fields: { url: "intake.error.urlTaken" } });
}

/** Adds a watched source; its first check is due at once. */
export async function createSource({ actor, input }: { actor: Actor; input: SourceInput }) {
  assertCan(actor, "intake.manage");
  const data = sourceSchema.parse(input);
  return db().transaction(async (tx) => {
    await assertUrlFree(tx, data.url);
    const [row] = await tx
      .insert(sources)
      .values({ ...data, createdById: actor.id })
      .returning();
    await recordActivity(tx, { actorId: actor.id, action: "source.created", entityType: "source", entityId: row.id, after: described(row) });
    return { id: row.id };
  });
}

/** Edits a source (version-checked); a changed URL or selector makes the next check due at once. */
export async function updateSource({ actor, input }: { actor: Actor; input: UpdateSourceInput }) {
  assertCan(actor, "intake.manage");
  const { id, version, ...data } = updateSourceSchema.parse(input);
  return db().transaction(async (tx) => {
    const before = await loadSourceForUpdate(tx, id, version);
    if (data.url !== before.url) await assertUrlFree(tx, data.url, id);
    const readChanged = data.url !== before.url || data.kind !== before.kind || data.linkSelector !== before.linkSelector;
    const [after] = await tx
      .update(sources)
      .set({
        ...data,
        ...(readChanged ? { nextCheckAt: new Date(), etag: null, lastModified: null } : {}),
        version: sql`${sources.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(sources.id, id))
      .returning();
    await recordActivity(tx, { actorId: actor.id, action: "source.updated", entityType: "source", entityId: id, before: described(before), after: described(after) });
    return { id, version: after.version };
  });
}

/** Pauses or resumes a source. */
export async function setSourceEnabled({ actor, input }: { actor: Actor; input: { id: string; enabled: boolean | string } }) {
  assertCan(actor, "intake.manage");
  const { id, enabled } = setSourceEnabledSchema.parse(input);
  return db().transaction(async (tx) => {
    const before = await loadSourceForUpdate(tx, id);
    if (before.enabled === enabled) return { id };
    await tx
      .update(sources)
      .set({ enabled, version: sql`${sources.version} + 1`, updatedAt: new Date(), ...(enabled ? { nextCheckAt: new Date() } : {}) })
      .where(eq(sources.id, id));
    await recordActivity(tx, { actorId: actor.id, action: enabled ? "source.resumed" : "source.paused", entityType: "source", entityId: id });
    return { id };
  });
}

/** Removes a source from the watch list; the entries it brought stay in the queue's history. */
export async function deleteSource({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "intake.manage");
  const { id } = sourceRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const before = await loadSourceForUpdate(tx, id);
    await tx.update(sources).set({ deletedAt: new Date(), enabled: false }).where(eq(sources.id, id));
    await recordActivity(tx, { actorId: actor.id, action: "source.deleted", entityType: "source", entityId: id, before: described(before) });
    return { id };
  });
}

/**
 * Checks a source now, paused or not: queued for the job runner (which answers within seconds),
 * or run here when this process has none (scripts, tests). The next scheduled check moves a full
 * interval ahead, so "check now" never doubles up with the schedule.
 */
export async function checkSourceNow({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "intake.manage");
  const { id } = sourceRefSchema.parse(input);
  const queued = await db().transaction(async (tx) => {
    const updated = await tx
      .update(sources)
      .set({ nextCheckAt: sql`now() + make_interval(mins => ${sources.intervalMinutes})` })
      .where(and(eq(sources.id, id), isNull(sources.deletedAt)))
      .returning({ id: sources.id });
    if (!updated.length) throw new AppError("not_found");
    return enqueue(tx, SOURCE_CHECK, [{ data: { sourceId: id, includePaused: true }, singletonKey: id }]);
  });
  if (!queued) await checkSource(id, { includePaused: true });
  return { id, queued };
}
