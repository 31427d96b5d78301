import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { intakeEntries, policies } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { publish } from "../live/publish";
import { type DismissEntriesInput, type MarkDuplicateInput, dismissEntriesSchema, entryRefSchema, markDuplicateSchema } from "./schemas";

/** Dismisses new entries (one or many, with an optional reason); entries already decided are left as they are. */
export async function dismissEntries({ actor, input, now = new Date() }: { actor: Actor; input: DismissEntriesInput; now?: Date }) {
  assertCan(actor, "intake.manage");
  const { ids, reason } = dismissEntriesSchema.parse(input);
  return db().transaction(async (tx) => {
    const dismissed = await tx
      .update(intakeEntries)
      .set({ state: "dismissed", dismissReason: reason, decidedById: actor.id, decidedAt: now, version: sql`${intakeEntries.version} + 1` })
      .where(and(inArray(intakeEntries.id, ids), eq(intakeEntries.state, "new")))
      .returning({ id: intakeEntries.id, title: intakeEntries.title });
    if (dismissed.length === 0) throw new AppError("conflict", { message: "intake.error.alreadyDecided" });
    for (const entry of dismissed) {
      await recordActivity(tx, {
        actorId: actor.id,
        action: "intake_entry.dismissed",
        entityType: "intake_entry",
        entityId: entry.id,
        after: { title: entry.title, reason },
        publish: false,
      });
    }
    // One event for the whole batch: open queues refresh once.
    await publish(tx, { entityType: "intake_entry", entityId: "batch", kind: "intake_entry.dismissed" });
    return { dismissed: dismissed.length };
  });
}

/** Records that an entry is a policy already logged. */
export async function markDuplicate({ actor, input, now = new Date() }: { actor: Actor; input: MarkDuplicateInput; now?: Date }) {
  assertCan(actor, "intake.manage");
  const { id, policyId } = markDuplicateSchema.parse(input);
  return db().transaction(async (tx) => {
    const [policy] = await tx
      .select({ id: policies.id })
      .from(policies)
      .where(and(eq(policies.id, policyId), isNull(policies.deletedAt)));
    if (!policy) throw new AppError("not_found");
    const [entry] = await tx
      .update(intakeEntries)
      .set({ state: "duplicate", policyId, decidedById: actor.id, decidedAt: now, version: sql`${intakeEntries.version} + 1` })
      .where(and(eq(intakeEntries.id, id), eq(intakeEntries.state, "new")))
      .returning({ id: intakeEntries.id });
    if (!entry) throw new AppError("conflict", { message: "intake.error.alreadyDecided" });
    await recordActivity(tx, { actorId: actor.id, action: "intake_entry.marked_duplicate", entityType: "intake_entry", entityId: id, after: { policyId } });
    return { id };
  });
}

/** Puts a dismissed or duplicate entry back in the queue (a triage mistake undone). */
export async function reopenEntry({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "intake.manage");
  const { id } = entryRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const [entry] = await tx
      .update(intakeEntries)
      .set({ state: "new", policyId: null, dismissReason: null, decidedById: null, decidedAt: null, version: sql`${intakeEntries.version} + 1` })
      .where(and(eq(intakeEntries.id, id), inArray(intakeEntries.state, ["dismissed", "duplicate"])))
      .returning({ id: intakeEntries.id });
    if (!entry) throw new AppError("conflict", { message: "intake.error.alreadyDecided" });
    await recordActivity(tx, { actorId: actor.id, action: "intake_entry.reopened", entityType: "intake_entry", entityId: id });
    return { id };
  });
}
