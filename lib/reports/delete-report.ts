import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { reports } from "../../db/schema";
import { AppError } from "../actions/result";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import { canDeleteReport } from "../auth/permissions";
import type { Actor } from "../auth/session";
import { type ReportRefInput, reportRefSchema } from "./schemas";

/** Deletes a saved report: its author's own, or any by an admin. */
export async function deleteReport({ actor, input }: { actor: Actor; input: ReportRefInput }) {
  assertCan(actor, "reports.generate");
  const { id } = reportRefSchema.parse(input);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({ id: reports.id, title: reports.title, authorId: reports.authorId, periodFrom: reports.periodFrom, periodTo: reports.periodTo })
      .from(reports)
      .where(eq(reports.id, id))
      .for("update");
    if (!row) throw new AppError("not_found");
    if (!canDeleteReport(actor, row)) throw new AppError("forbidden");
    await tx.delete(reports).where(eq(reports.id, id));
    await recordActivity(tx, {
      actorId: actor.id,
      action: "report.deleted",
      entityType: "report",
      entityId: id,
      before: { title: row.title, from: row.periodFrom, to: row.periodTo },
    });
  });
}
